#!/usr/bin/env python3
"""Writes a synthetic WordPress export (WXR 1.2) for the import benchmark.

    python3 bench/wxr-gen.py OUT.xml [POSTS] [COMMENTS]

Defaults: 5,000 posts and 100,000 comments, spread evenly; every fifth comment starts a thread and the
next four each reply to the one before (threads 5 deep), one in a hundred is held and one in a hundred is
spam. Standard library only.
"""
import sys

out = sys.argv[1] if len(sys.argv) > 1 else "bench-wxr.xml"
posts = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
comments = int(sys.argv[3]) if len(sys.argv) > 3 else 100000
per_post = comments // posts
extra = comments - per_post * posts

paragraph = ("The keeper climbed the stair at dusk and trimmed the wick; the fog rolled in from the "
             "west and the horn began its slow count. ")

with open(out, "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
            'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
            '<title>Benchmark</title><link>https://bench.example</link>\n<wp:wxr_version>1.2</wp:wxr_version>\n'
            '<wp:base_site_url>https://bench.example</wp:base_site_url>\n')
    for a in range(5):
        f.write(f'<wp:author><wp:author_id>{a + 1}</wp:author_id><wp:author_login>writer{a}</wp:author_login>'
                f'<wp:author_email>writer{a}@bench.example</wp:author_email>'
                f'<wp:author_display_name>Writer {a}</wp:author_display_name></wp:author>\n')
    for c in range(20):
        parent = f"topic-{c // 5}" if c >= 5 else ""
        f.write(f'<wp:category><wp:term_id>{c + 1}</wp:term_id><wp:category_nicename>topic-{c}</wp:category_nicename>'
                f'<wp:category_parent>{parent}</wp:category_parent><wp:cat_name>Topic {c}</wp:cat_name></wp:category>\n')
    cid = 0
    for p in range(1, posts + 1):
        day = 1 + p % 28
        month = 1 + p % 12
        date = f"20{10 + p % 15:02d}-{month:02d}-{day:02d} 10:{p % 60:02d}:00"
        body = "\n\n".join(paragraph * 3 for _ in range(4))
        f.write(f'<item><title>Benchmark post {p}</title><dc:creator>writer{p % 5}</dc:creator>'
                f'<content:encoded><![CDATA[{body}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>'
                f'<wp:post_id>{p}</wp:post_id><wp:post_date>{date}</wp:post_date><wp:post_date_gmt>{date}</wp:post_date_gmt>'
                f'<wp:comment_status>open</wp:comment_status><wp:post_name>benchmark-post-{p}</wp:post_name>'
                f'<wp:status>publish</wp:status><wp:post_parent>0</wp:post_parent><wp:post_type>post</wp:post_type>'
                f'<category domain="category" nicename="topic-{p % 20}">Topic {p % 20}</category>'
                f'<category domain="post_tag" nicename="tag-{p % 50}">Tag {p % 50}</category>\n')
        first = cid + 1
        for k in range(per_post + (1 if p <= extra else 0)):
            cid += 1
            parent = cid - 1 if k % 5 and cid - 1 >= first else 0
            status = "spam" if cid % 100 == 0 else "0" if cid % 50 == 0 else "1"
            f.write(f'<wp:comment><wp:comment_id>{cid}</wp:comment_id><wp:comment_author>Reader {cid % 997}</wp:comment_author>'
                    f'<wp:comment_author_email>reader{cid % 997}@bench.example</wp:comment_author_email>'
                    f'<wp:comment_date_gmt>{date}</wp:comment_date_gmt>'
                    f'<wp:comment_content><![CDATA[Comment {cid}: the horn kept time all night.\n\nSecond thought.]]></wp:comment_content>'
                    f'<wp:comment_approved>{status}</wp:comment_approved><wp:comment_type>comment</wp:comment_type>'
                    f'<wp:comment_parent>{parent}</wp:comment_parent></wp:comment>\n')
        f.write('</item>\n')
    f.write('</channel>\n</rss>\n')
