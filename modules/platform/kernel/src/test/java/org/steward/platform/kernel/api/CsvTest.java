package org.steward.platform.kernel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The expected rows and line numbers are what the hand-written parser that Commons CSV replaced answered. */
class CsvTest {

    private static List<String> rows(String text) {
        return Csv.parse(text).stream().map(r -> r.line() + ":" + r.fields()).toList();
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaks() {
        List<Csv.Row> rows = Csv.parse("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"multi\nline\",x,\r\n");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).fields()).containsExactly("a", "b,c", "say \"hi\"");
        assertThat(rows.get(1).fields()).containsExactly("multi\nline", "x", "");
    }

    @Test
    void aRecordKeepsThePhysicalLineItStartsOn() {
        assertThat(rows("a,\"x\ny\r\nz\",b\nc,d")).containsExactly("1:[a, x\ny\r\nz, b]", "4:[c, d]");
        assertThat(rows("a,b\n\n\nc,d\n")).containsExactly("1:[a, b]", "4:[c, d]");
        assertThat(rows("a,b\rc,d\r\re,f")).containsExactly("1:[a, b]", "2:[c, d]", "4:[e, f]");
    }

    @Test
    void aByteOrderMarkAndCrlfAreNotData() {
        assertThat(rows("\uFEFFa,b\r\nc,d\r\n")).containsExactly("1:[a, b]", "2:[c, d]");
        assertThat(rows("a,b\r\n\r\n")).containsExactly("1:[a, b]");
        assertThat(rows("\uFEFF")).isEmpty();
        assertThat(rows("")).isEmpty();
    }

    @Test
    void blankRecordsAreSkippedButEmptyFieldsKept() {
        assertThat(rows("a\n\"\"\nb\n")).containsExactly("1:[a]", "3:[b]");
        assertThat(rows("\"\"")).isEmpty();
        assertThat(rows("x,\n,\n,,\n")).containsExactly("1:[x, ]", "2:[, ]", "3:[, , ]");
    }

    @Test
    void quotesOutsideAQuotedFieldAreText() {
        assertThat(rows("a\"b,c\"d\"\n")).containsExactly("1:[a\"b, c\"d\"]");
        assertThat(rows(" \"a\" ,b\n")).containsExactly("1:[ \"a\" , b]");
        // Text after a closing quote is kept, as spreadsheets write it.
        assertThat(rows("h\n\"ab\"cd,e\n\"q\"\"\"x\n")).containsExactly("1:[h]", "2:[abcd, e]", "3:[q\"x]");
    }

    @Test
    void aQuoteThatNeverClosesNamesTheLineItsRecordStartsOn() {
        assertThatThrownBy(() -> Csv.parse("a,\"open\nb,c\nd,e\n")).isInstanceOf(Csv.Malformed.class)
                .hasMessage("a quoted field is not closed").extracting(e -> ((Csv.Malformed) e).line()).isEqualTo(1);
        assertThatThrownBy(() -> Csv.parse("h1,h2\r\nok,1\r\n\r\n\"bad,2\r\nmore\r\n"))
                .isInstanceOf(Csv.Malformed.class).extracting(e -> ((Csv.Malformed) e).line()).isEqualTo(4);
    }

    @Test
    void aCarriageReturnInsideAQuotedFieldCountsAsALineBreak() {
        // The one difference from the hand-written parser, which counted only LF inside quotes (it said 2 here).
        assertThat(rows("a,\"b\rc\"\nd\n")).containsExactly("1:[a, b\rc]", "3:[d]");
    }

    @Test
    void writingQuotesOnlyWhereNeededAndEndsInCrlf() {
        assertThat(Csv.line(List.of("plain", "a,b", "q\"q", "l\nl"))).isEqualTo("plain,\"a,b\",\"q\"\"q\",\"l\nl\"\r\n");
        assertThat(Csv.line(Arrays.asList("a", null, "b"))).isEqualTo("a,,b\r\n");
        assertThat(Csv.line(List.of("a", ""))).isEqualTo("a,\r\n");
        assertThat(Csv.line(List.of("a=1", "x-3", "tab\tin"))).isEqualTo("a=1,x-3,tab\tin\r\n");
    }

    @Test
    void aFieldThatASpreadsheetWouldRunAsAFormulaIsWrittenAsText() {
        assertThat(Csv.line(List.of("=1+2", "+1", "-3", "@SUM(A1)", "\tx", "\rx")))
                .isEqualTo("'=1+2,'+1,'-3,'@SUM(A1),'\tx,\"'\rx\"\r\n");
        assertThat(Csv.line(List.of("=HYPERLINK(\"http://evil.example\",\"x\")", "ok")))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",ok\r\n");
        StringBuilder out = new StringBuilder();
        Csv.writer(out).row(List.of("=cmd|' /C calc'!A0", "safe"));
        assertThat(Csv.parse(out.toString()).get(0).fields()).containsExactly("'=cmd|' /C calc'!A0", "safe");
        assertThat(Csv.guarded(null)).isNull();
        assertThat(Csv.guarded("")).isEmpty();
    }

    @Test
    void whatIsWrittenReadsBackTheSame() {
        List<String> tricky = List.of("", " lead", "trail ", "#x", "\"", "a,b", "x\r\ny", "é€😀");
        StringBuilder out = new StringBuilder();
        Csv.writer(out).row(tricky).row(List.of("next"));
        List<Csv.Row> back = Csv.parse(out.toString());
        assertThat(back.get(0).fields()).isEqualTo(tricky);
        assertThat(back.get(1)).isEqualTo(new Csv.Row(3, List.of("next")));
    }
}
