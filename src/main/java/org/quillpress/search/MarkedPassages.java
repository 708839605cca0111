package org.quillpress.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Joins the passages Lucene's highlighter picked into plain text with the matches between {@link Snippet#OPEN}
 * and {@link Snippet#CLOSE}; {@link Snippet#ofMarked} then escapes it, as it does for PostgreSQL's headlines.
 */
final class MarkedPassages extends PassageFormatter {

    @Override
    public String format(Passage[] passages, String content) {
        StringBuilder out = new StringBuilder();
        int pos = 0;
        for (Passage passage : passages) {
            if (passage.getStartOffset() > pos && !out.isEmpty() || passage.getStartOffset() > 0 && out.isEmpty()) {
                out.append("… ");
            }
            pos = passage.getStartOffset();
            for (int i = 0; i < passage.getNumMatches(); i++) {
                int start = passage.getMatchStarts()[i];
                int end = passage.getMatchEnds()[i];
                if (start < pos) {
                    // overlapping matches: the earlier one already covers this text
                    continue;
                }
                out.append(content, pos, start).append(Snippet.OPEN).append(content, start, Math.max(start, end))
                        .append(Snippet.CLOSE);
                pos = Math.max(start, end);
            }
            out.append(content, pos, Math.max(pos, passage.getEndOffset()));
            pos = Math.max(pos, passage.getEndOffset());
        }
        if (pos < content.length() && passages.length > 0) {
            out.append(" …");
        }
        return out.toString();
    }
}
