#!/usr/bin/env python3
"""A mail server for the instances check: takes every message over plain SMTP on 127.0.0.1 and keeps it as a
file, so the check can count how often each mail arrived. No relaying, no authentication, no TLS.

    python3 mail-sink.py PORT DIR     # DIR/N.eml per message received, N counting from 1

Standard library only (socketserver: smtpd is gone from newer Pythons).
"""
import itertools
import os
import socketserver
import sys
import threading

port, folder = int(sys.argv[1]), sys.argv[2]
os.makedirs(folder, exist_ok=True)
numbers = itertools.count(1)
lock = threading.Lock()


class Session(socketserver.StreamRequestHandler):
    def say(self, line):
        self.wfile.write(line.encode() + b"\r\n")
        self.wfile.flush()

    def handle(self):
        self.say("220 mail-sink ready")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            verb = line.decode("latin-1").strip().split(" ", 1)[0].upper()
            if verb in ("EHLO", "HELO"):
                self.say("250 mail-sink")
            elif verb == "DATA":
                self.say("354 end with <CRLF>.<CRLF>")
                body = []
                for data in iter(self.rfile.readline, b""):
                    if data in (b".\r\n", b".\n"):
                        break
                    body.append(data[1:] if data.startswith(b"..") else data)
                with lock:
                    name = os.path.join(folder, "%d.eml" % next(numbers))
                with open(name + ".part", "wb") as out:
                    out.writelines(body)
                os.rename(name + ".part", name)
                self.say("250 kept")
            elif verb == "QUIT":
                self.say("221 bye")
                return
            else:  # MAIL, RCPT, RSET, NOOP
                self.say("250 ok")


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


Server(("127.0.0.1", port), Session).serve_forever()
