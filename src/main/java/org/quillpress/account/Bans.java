package org.quillpress.account;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Whether a writer is banned: by account, by email, or by network (an address or a CIDR range). */
@ApplicationScoped
public class Bans {

    @Inject
    Clock clock;

    /** The ban that applies to this writer, if any. */
    public Optional<Ban> find(Long accountId, String email, String address) {
        Instant now = clock.instant();
        List<Ban> candidates = Ban.list("(kind = ?1 and value = ?2) or (kind = ?3 and value = ?4) or kind = ?5",
                Ban.Kind.ACCOUNT, accountId == null ? "" : accountId.toString(), Ban.Kind.EMAIL,
                email == null ? "" : email.strip().toLowerCase(Locale.ROOT), Ban.Kind.NETWORK);
        return candidates.stream().filter(b -> b.activeAt(now))
                .filter(b -> b.kind != Ban.Kind.NETWORK || (address != null && inNetwork(address, b.value)))
                .findFirst();
    }

    /** The ban on an account that is in force now, if any. */
    public Optional<Ban> activeAccountBan(long accountId) {
        return Ban.listActive(Ban.Kind.ACCOUNT, Long.toString(accountId), clock.instant()).stream().findFirst();
    }

    /** True when {@code address} lies in {@code network}: a single address or CIDR such as 203.0.113.0/24. */
    public static boolean inNetwork(String address, String network) {
        try {
            String[] parts = network.strip().split("/");
            byte[] net = InetAddress.getByName(parts[0]).getAddress();
            byte[] addr = InetAddress.getByName(address).getAddress();
            if (net.length != addr.length) {
                return false;
            }
            int bits = parts.length > 1 ? Integer.parseInt(parts[1]) : net.length * 8;
            int total = net.length * 8;
            BigInteger mask = BigInteger.ONE.shiftLeft(total).subtract(BigInteger.ONE)
                    .xor(BigInteger.ONE.shiftLeft(total - bits).subtract(BigInteger.ONE));
            return new BigInteger(1, net).and(mask).equals(new BigInteger(1, addr).and(mask));
        } catch (UnknownHostException | RuntimeException e) {
            return false;
        }
    }

    /** True when the text is an address or a CIDR range this class understands (checked before saving). */
    public static boolean isNetwork(String text) {
        if (text == null || text.isBlank() || !text.matches("[0-9a-fA-F:.]+(/\\d{1,3})?")) {
            return false;
        }
        return inNetwork(text.split("/")[0], text);
    }
}
