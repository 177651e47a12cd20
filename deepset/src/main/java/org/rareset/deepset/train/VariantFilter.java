package org.rareset.deepset.train;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.rareset.annotate.InputException;

/**
 * A variant filter over annotation columns, such as {@code MAF < 0.01 && CADD_PHRED > 5}.
 *
 * <p>Grammar: {@code expr := and ('||' and)*}, {@code and := atom ('&&' atom)*},
 * {@code atom := '(' expr ')' | column op number | number op column}, {@code op} one of
 * {@code < <= > >= == !=}. Column names are letters, digits, {@code _ . -}. A missing value
 * ({@code NaN}) fails every comparison except {@code !=}, so a variant lacking a filter column
 * is not used.
 */
public final class VariantFilter {
    /** DeepRVAT's training thresholds. */
    public static final String DEFAULT = "MAF < 0.01 && CADD_PHRED > 5";

    private final String text;
    private final Node root;
    private final Set<String> columns;

    private VariantFilter(String text, Node root, Set<String> columns) {
        this.text = text;
        this.root = root;
        this.columns = columns;
    }

    /** Parses {@code text}; a syntax error is an {@link InputException} naming the option and position. */
    public static VariantFilter parse(String text) {
        Parser p = new Parser(text);
        Node n = p.expr();
        p.skipSpace();
        if (p.pos != text.length()) throw p.error("unexpected '" + text.substring(p.pos) + "'");
        return new VariantFilter(text, n, p.columns);
    }

    /** The columns the filter reads, in order of appearance. */
    public Set<String> columns() {
        return columns;
    }

    /** Whether a variant whose column values {@code value} gives passes. */
    public boolean test(ToDoubleFunction<String> value) {
        return root.test(value);
    }

    @Override
    public String toString() {
        return text;
    }

    private interface Node {
        boolean test(ToDoubleFunction<String> value);
    }

    private static final class Parser {
        final String s;
        int pos;
        final Set<String> columns = new LinkedHashSet<>();

        Parser(String s) {
            this.s = s;
        }

        Node expr() {
            List<Node> terms = new ArrayList<>();
            terms.add(and());
            while (accept("||")) terms.add(and());
            return terms.size() == 1 ? terms.get(0) : v -> terms.stream().anyMatch(t -> t.test(v));
        }

        Node and() {
            List<Node> terms = new ArrayList<>();
            terms.add(atom());
            while (accept("&&")) terms.add(atom());
            return terms.size() == 1 ? terms.get(0) : v -> terms.stream().allMatch(t -> t.test(v));
        }

        Node atom() {
            if (accept("(")) {
                Node n = expr();
                if (!accept(")")) throw error("missing ')'");
                return n;
            }
            skipSpace();
            boolean numberFirst = pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '-'
                    || s.charAt(pos) == '+' || s.charAt(pos) == '.');
            if (numberFirst) {
                double x = number();
                String op = op();
                String col = name();
                String flipped = switch (op) {
                    case "<" -> ">";
                    case "<=" -> ">=";
                    case ">" -> "<";
                    case ">=" -> "<=";
                    default -> op;
                };
                return compare(col, flipped, x);
            }
            String col = name();
            String op = op();
            double x = number();
            return compare(col, op, x);
        }

        Node compare(String col, String op, double x) {
            columns.add(col);
            return switch (op) {
                case "<" -> v -> v.applyAsDouble(col) < x;
                case "<=" -> v -> v.applyAsDouble(col) <= x;
                case ">" -> v -> v.applyAsDouble(col) > x;
                case ">=" -> v -> v.applyAsDouble(col) >= x;
                case "==" -> v -> v.applyAsDouble(col) == x;
                case "!=" -> v -> v.applyAsDouble(col) != x;
                default -> throw error("unknown operator " + op);
            };
        }

        String op() {
            skipSpace();
            for (String op : new String[] {"<=", ">=", "==", "!=", "<", ">"}) {
                if (s.startsWith(op, pos)) {
                    pos += op.length();
                    return op;
                }
            }
            throw error("expected a comparison (< <= > >= == !=)");
        }

        String name() {
            skipSpace();
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || "_.-".indexOf(s.charAt(pos)) >= 0)) pos++;
            if (start == pos || Character.isDigit(s.charAt(start))) throw error("expected a column name");
            return s.substring(start, pos);
        }

        double number() {
            skipSpace();
            int start = pos;
            while (pos < s.length() && "0123456789.eE+-".indexOf(s.charAt(pos)) >= 0) pos++;
            try {
                return Double.parseDouble(s.substring(start, pos));
            } catch (NumberFormatException e) {
                pos = start;
                throw error("expected a number");
            }
        }

        boolean accept(String token) {
            skipSpace();
            if (s.startsWith(token, pos)) {
                pos += token.length();
                return true;
            }
            return false;
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
        }

        InputException error(String problem) {
            return new InputException("--train-filter", String.format(Locale.ROOT, "character %d", pos + 1),
                    problem + " in '" + s + "'", "write e.g. '" + DEFAULT + "'");
        }
    }
}
