package org.quillpress.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * How the embedded index reads text, the same for a post and for a query: words split by Unicode's rules,
 * lower-cased and folded to ASCII ("Müller" and "muller" meet), then stemmed for the site's language
 * ("modules" and "module" meet). English also drops its stop words and possessives, as Lucene's
 * {@code EnglishAnalyzer} does.
 */
final class SearchAnalyzer extends Analyzer {

    private final String language;

    SearchAnalyzer(String language) {
        this.language = language;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream stream = source;
        if (isEnglish()) {
            stream = new EnglishPossessiveFilter(stream);
        }
        stream = new LowerCaseFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        if (isEnglish()) {
            stream = new StopFilter(stream, stopWords());
            stream = new PorterStemFilter(stream);
        } else {
            stream = new SnowballFilter(stream, language);
        }
        return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }

    private boolean isEnglish() {
        return "en".equalsIgnoreCase(language) || "english".equalsIgnoreCase(language);
    }

    private static CharArraySet stopWords() {
        return EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
    }
}
