package org.rareset.core.expr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rareset.core.InputException;
import org.rareset.core.expr.ColumnExpression.Missing;
import org.rareset.core.expr.ColumnExpression.Syntax;

class ColumnExpressionTest {
    static Syntax syntax(Missing missing, boolean singleEquals, boolean quotedText) {
        return new Syntax(missing, singleEquals, quotedText, (problem, offset) -> new InputException("expr", "character " + (offset + 1), problem, null));
    }

    static final Syntax STRICT = syntax(Missing.FAILS_EVERY_COMPARISON, true, true);
    static final Syntax IEEE = syntax(Missing.ONLY_NOT_EQUAL_HOLDS, false, false);

    /** Evaluates over named values; a String value is text, a Double a number. */
    static boolean eval(String text, Syntax syntax, Map<String, Object> row) {
        ColumnExpression e = ColumnExpression.parse(text, syntax);
        List<String> cols = e.columns();
        return e.test(new ColumnValues() {
            @Override
            public double number(int slot) {
                Object v = row.get(cols.get(slot));
                return v instanceof Double d ? d : Double.NaN;
            }

            @Override
            public String text(int slot) {
                Object v = row.get(cols.get(slot));
                return v == null ? null : v.toString();
            }
        });
    }

    @Test
    void precedenceNegationAndLiteralsFirst() {
        Map<String, Object> v = Map.of("a", 1.0, "b", 2.0, "c", 3.0, "impact", "HIGH");
        assertTrue(eval("a > 5 || b == 2 && c >= 3", STRICT, v));
        assertFalse(eval("(a > 5 || b == 2) && c < 3", STRICT, v));
        assertTrue(eval("0.5 < a && 1e1 >= c && b != 1", STRICT, v));
        assertTrue(eval("!(a > 1) && a", STRICT, v));
        assertTrue(eval("a < b && c > b", STRICT, v), "two columns compare as numbers");
        assertTrue(eval("impact == 'HIGH' && impact != \"LOW\"", STRICT, v));
        assertTrue(eval("-0.0 == 0 && a == 1", STRICT, v));
    }

    @Test
    void missingValuesFollowTheDialect() {
        Map<String, Object> v = Map.of("a", 1.0);
        for (Syntax s : List.of(STRICT, IEEE)) {
            assertFalse(eval("x > 0", s, v));
            assertFalse(eval("x <= 0", s, v));
            assertFalse(eval("x == 1", s, v));
            assertFalse(eval("x", s, v), "a missing bare column is false");
            assertTrue(eval("!(x > 0)", s, v));
        }
        assertFalse(eval("x != 1", STRICT, v), "strict: missing fails != too");
        assertTrue(eval("x != 1", IEEE, v), "IEEE: NaN != 1 holds");
    }

    @Test
    void columnsInOrderOfAppearanceAndBinding() {
        ColumnExpression e = ColumnExpression.parse("MAF < 0.01 && cadd_phred > 5 || MAF > 0.5 && a-b.c == 1", STRICT);
        assertEquals(List.of("MAF", "cadd_phred", "a-b.c"), e.columns());
        assertArrayEquals(new int[] {2, 0, 1}, e.bind(List.of("CADD_PHRED", "a-b.c", "MAF"), "m.txt: line 2", "mask expression"));
        InputException x = assertThrows(InputException.class, () -> e.bind(List.of("MAF", "CADD_PHRED"), "m.txt: line 2", "mask expression"));
        assertEquals("m.txt: line 2: mask expression 'MAF < 0.01 && cadd_phred > 5 || MAF > 0.5 && a-b.c == 1' names unknown "
                + "annotation column 'a-b.c' (annotation columns are: MAF, CADD_PHRED)", x.getMessage());
    }

    @Test
    void singleEqualsOnlyWhereTheDialectAcceptsIt() {
        assertTrue(eval("a = 1", STRICT, Map.of("a", 1.0)));
        InputException e = assertThrows(InputException.class, () -> ColumnExpression.parse("a = 1", IEEE));
        assertEquals("expr: character 3: '=' is not a comparison: write '=='", e.getMessage());
    }

    @Test
    void quotedTextOnlyWhereTheDialectAcceptsIt() {
        InputException e = assertThrows(InputException.class, () -> ColumnExpression.parse("a > 1 || impact == 'HIGH'", IEEE));
        assertEquals("expr: character 20: quoted text is not accepted here: compare numbers", e.getMessage());
    }

    @Test
    void syntaxErrorsGiveProblemAndPosition() {
        String[][] cases = {
            {"a < 0.01 &&", "character 12: expected a column name"},
            {"a <", "character 4: expected a number, column or quoted text"},
            {"a < && b", "character 5: expected a number, column or quoted text but found '&&'"},
            {"(a < 1", "character 7: missing ')'"},
            {"a < 1 &", "character 7: use '&&' rather than '&'"},
            {"a < 1)", "character 6: unexpected ')'"},
            {"3", "character 2: a literal alone is not a condition"},
            {"a > 'x", "character 5: unterminated quoted text"},
            {"a # 1", "character 3: unexpected character '#'"},
            {"a < 1 b", "character 7: unexpected 'b'"},
            {"a < 1.2.3", "character 5: '1.2.3' is not a number"},
        };
        for (String[] c : cases) {
            InputException e = assertThrows(InputException.class, () -> ColumnExpression.parse(c[0], STRICT), c[0]);
            assertEquals("expr: " + c[1], e.getMessage(), c[0]);
        }
    }
}
