package org.rareset.core.expr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rareset.core.InputException;

/**
 * A boolean expression over the columns of a table row, for example
 * {@code Consequence_missense_variant == 1 && CADD_PHRED > 20} (a mask) or
 * {@code MAF < 0.01 && CADD_PHRED > 5} (a training filter).
 *
 * <p>Grammar (usual precedence: {@code !} over comparisons over {@code &&} over {@code ||}):
 * <pre>
 *   expr       := and ( '||' and )*
 *   and        := unary ( '&&' unary )*
 *   unary      := '!' unary | '(' expr ')' | comparison
 *   comparison := operand ( ('==' | '!=' | '&lt;' | '&lt;=' | '&gt;' | '&gt;=') operand )?
 *   operand    := column | number | 'text' | "text"
 * </pre>
 * Column names start with a letter or {@code _} and go on with letters, digits, {@code _ . -}.
 * A bare column is true when its value is a non-zero number. A comparison with a number compares
 * numerically; with a quoted text (where the {@link Syntax} accepts it) it compares text; two columns compare as numbers when both are,
 * else as text. How a missing value ({@code NaN}) compares is the {@link Missing} rule of the
 * {@link Syntax}.
 *
 * <p>Parsing only names the columns ({@link #columns()}, in order of appearance); {@link #bind}
 * maps them onto a table's header, naming an unknown column and listing the known ones.
 */
public final class ColumnExpression {
    /** How a comparison treats a missing value. */
    public enum Missing {
        /** A missing value fails every comparison, {@code !=} included. */
        FAILS_EVERY_COMPARISON,
        /** IEEE rules: a missing value fails every comparison except {@code !=}. */
        ONLY_NOT_EQUAL_HOLDS
    }

    /**
     * The dialect of one user of the grammar.
     *
     * @param missing how a missing value compares
     * @param singleEquals whether {@code =} is accepted as {@code ==}
     * @param quotedText whether quoted text literals are accepted (not where the values are numbers only)
     * @param errors turns a syntax problem and its 0-based character offset into the user's error
     */
    public record Syntax(Missing missing, boolean singleEquals, boolean quotedText, SyntaxErrors errors) {}

    /** Builds the {@link InputException} for a syntax problem at a 0-based character offset. */
    @FunctionalInterface
    public interface SyntaxErrors {
        InputException at(String problem, int offset);
    }

    private final String text;
    private final Node root;
    private final List<String> columns;

    private ColumnExpression(String text, Node root, List<String> columns) {
        this.text = text;
        this.root = root;
        this.columns = columns;
    }

    /**
     * Parses {@code text} in the given dialect.
     *
     * @throws InputException built by {@code syntax.errors()} on a syntax error
     */
    public static ColumnExpression parse(String text, Syntax syntax) {
        Parser p = new Parser(text, syntax);
        Node n = p.parseExpr();
        if (p.peek().kind != Kind.END) throw p.error("unexpected '" + p.peek().text + "'");
        return new ColumnExpression(text, n, List.copyOf(p.columns.keySet()));
    }

    /** The columns the expression reads, as written, in order of appearance; slot i is column i. */
    public List<String> columns() {
        return columns;
    }

    /**
     * The index in {@code header} of each column slot: an exact match first, else one differing only in
     * case.
     *
     * @param where where the expression came from, for the error (e.g. {@code masks.txt: line 3})
     * @param what what the expression is, for the error (e.g. {@code mask expression})
     * @throws InputException naming an unknown column and listing {@code header}
     */
    public int[] bind(List<String> header, String where, String what) {
        int[] index = new int[columns.size()];
        for (int s = 0; s < index.length; s++) {
            String name = columns.get(s);
            int c = header.indexOf(name);
            if (c < 0) {
                for (int i = 0; i < header.size(); i++) if (header.get(i).equalsIgnoreCase(name)) { c = i; break; }
            }
            if (c < 0) {
                throw new InputException(where, null, what + " '" + text + "' names unknown annotation column '" + name + "'",
                        "annotation columns are: " + String.join(", ", header));
            }
            index[s] = c;
        }
        return index;
    }

    /**
     * The column slots read as numbers: a bare column, or a column compared with a number. A
     * non-numeric text in such a column can only be a mistake (it would fail every comparison).
     */
    public java.util.BitSet numericSlots() {
        java.util.BitSet out = new java.util.BitSet(columns.size());
        collectNumeric(root, out);
        return out;
    }

    private static void collectNumeric(Node n, java.util.BitSet out) {
        if (n instanceof Truthy t) {
            out.set(t.slot());
        } else if (n instanceof Not not) {
            collectNumeric(not.inner(), out);
        } else if (n instanceof And and) {
            for (Node p : and.parts()) collectNumeric(p, out);
        } else if (n instanceof Or or) {
            for (Node p : or.parts()) collectNumeric(p, out);
        } else if (n instanceof Comparison c) {
            if (c.left().isColumn() && c.right().number() != null) out.set(c.left().slot());
            if (c.right().isColumn() && c.left().number() != null) out.set(c.right().slot());
        }
    }

    /** True when the row whose values {@code values} gives satisfies the expression. */
    public boolean test(ColumnValues values) {
        return root.eval(values);
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }

    // ---- evaluation tree ----

    private interface Node {
        boolean eval(ColumnValues v);
    }

    private enum Op {
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");
        final String symbol;
        Op(String symbol) { this.symbol = symbol; }

        boolean holds(int cmp) {
            switch (this) {
                case EQ: return cmp == 0;
                case NE: return cmp != 0;
                case LT: return cmp < 0;
                case LE: return cmp <= 0;
                case GT: return cmp > 0;
                default: return cmp >= 0;
            }
        }

        Op mirrored() {
            switch (this) {
                case LT: return GT;
                case LE: return GE;
                case GT: return LT;
                case GE: return LE;
                default: return this;
            }
        }
    }

    /** An operand: a column slot or a literal. */
    private record Operand(int slot, Double number, String string) {
        boolean isColumn() { return slot >= 0; }
    }

    private record Comparison(Operand left, Op op, Operand right, Missing missing) implements Node {
        @Override
        public boolean eval(ColumnValues v) {
            Operand l = left;
            Operand r = right;
            Op o = op;
            if (!l.isColumn()) { Operand tmp = l; l = r; r = tmp; o = o.mirrored(); }
            if (!l.isColumn()) return o.holds(compareLiterals(left, right) * (o == op ? 1 : -1));
            if (r.isColumn()) {
                double a = v.number(l.slot);
                double b = v.number(r.slot);
                if (!Double.isNaN(a) && !Double.isNaN(b)) return o.holds(compare(a, b));
                String sa = v.text(l.slot);
                String sb = v.text(r.slot);
                if (sa != null && sb != null) return o.holds(sa.compareTo(sb));
                return missingHolds(o);
            }
            if (r.number != null) {
                double a = v.number(l.slot);
                return Double.isNaN(a) ? missingHolds(o) : o.holds(compare(a, r.number));
            }
            String s = v.text(l.slot);
            return s == null ? missingHolds(o) : o.holds(s.compareTo(r.string));
        }

        /** Numeric order of two non-missing values; unlike Double.compare, -0.0 equals 0.0. */
        private static int compare(double a, double b) {
            return a < b ? -1 : (a > b ? 1 : 0);
        }

        private boolean missingHolds(Op o) {
            return missing == Missing.ONLY_NOT_EQUAL_HOLDS && o == Op.NE;
        }

        private static int compareLiterals(Operand a, Operand b) {
            if (a.number != null && b.number != null) return compare(a.number, b.number);
            String sa = a.number != null ? a.number.toString() : a.string;
            String sb = b.number != null ? b.number.toString() : b.string;
            return sa.compareTo(sb);
        }
    }

    private record Truthy(int slot) implements Node {
        @Override
        public boolean eval(ColumnValues v) {
            double x = v.number(slot);
            return !Double.isNaN(x) && x != 0.0;
        }
    }

    private record Not(Node inner) implements Node {
        @Override
        public boolean eval(ColumnValues v) { return !inner.eval(v); }
    }

    private record And(List<Node> parts) implements Node {
        @Override
        public boolean eval(ColumnValues v) {
            for (Node n : parts) if (!n.eval(v)) return false;
            return true;
        }
    }

    private record Or(List<Node> parts) implements Node {
        @Override
        public boolean eval(ColumnValues v) {
            for (Node n : parts) if (n.eval(v)) return true;
            return false;
        }
    }

    // ---- tokenizer and recursive-descent parser ----

    private enum Kind { IDENT, NUMBER, STRING, OP, AND, OR, NOT, LPAREN, RPAREN, END }

    private record Token(Kind kind, String text, int offset) {}

    private static final class Parser {
        private final String src;
        private final Syntax syntax;
        private final List<Token> tokens;
        /** Column name -> slot, in order of appearance. */
        private final Map<String, Integer> columns = new LinkedHashMap<>();
        private int next;

        Parser(String src, Syntax syntax) {
            this.src = src;
            this.syntax = syntax;
            this.tokens = tokenize();
        }

        InputException error(String problem) {
            Token t = next < tokens.size() ? tokens.get(next) : tokens.get(tokens.size() - 1);
            return syntax.errors().at(problem, t.offset);
        }

        Token peek() { return tokens.get(next); }

        Token take() { return tokens.get(next++); }

        Node parseExpr() {
            List<Node> parts = new ArrayList<>();
            parts.add(parseAnd());
            while (peek().kind == Kind.OR) { take(); parts.add(parseAnd()); }
            return parts.size() == 1 ? parts.get(0) : new Or(List.copyOf(parts));
        }

        Node parseAnd() {
            List<Node> parts = new ArrayList<>();
            parts.add(parseUnary());
            while (peek().kind == Kind.AND) { take(); parts.add(parseUnary()); }
            return parts.size() == 1 ? parts.get(0) : new And(List.copyOf(parts));
        }

        Node parseUnary() {
            Token t = peek();
            if (t.kind == Kind.NOT) { take(); return new Not(parseUnary()); }
            if (t.kind == Kind.LPAREN) {
                take();
                Node inner = parseExpr();
                if (peek().kind != Kind.RPAREN) throw error("missing ')'");
                take();
                return inner;
            }
            return parseComparison();
        }

        Node parseComparison() {
            Operand left = parseOperand("a column name");
            if (peek().kind != Kind.OP) {
                if (!left.isColumn()) throw error("a literal alone is not a condition");
                return new Truthy(left.slot);
            }
            Token opToken = take();
            Op op = op(opToken.text);
            if (op == null) { next--; throw error("'=' is not a comparison: write '=='"); }
            Operand right = parseOperand("a number, column or quoted text");
            return new Comparison(left, op, right, syntax.missing());
        }

        /** @param expected what may stand here, for the error (literals are always accepted) */
        Operand parseOperand(String expected) {
            Token t = take();
            switch (t.kind) {
                case NUMBER: return new Operand(-1, Double.parseDouble(t.text), null);
                case STRING: return new Operand(-1, null, t.text);
                case IDENT: return new Operand(columns.computeIfAbsent(t.text, k -> columns.size()), null, null);
                case END: next--; throw error("expected " + expected);
                default: next--; throw error("expected " + expected + " but found '" + t.text + "'");
            }
        }

        Op op(String s) {
            for (Op o : Op.values()) if (o.symbol.equals(s)) return o;
            return s.equals("=") && syntax.singleEquals() ? Op.EQ : null;
        }

        List<Token> tokenize() {
            List<Token> out = new ArrayList<>();
            int i = 0;
            int n = src.length();
            while (i < n) {
                char c = src.charAt(i);
                if (Character.isWhitespace(c)) { i++; continue; }
                int start = i;
                if (c == '(') { out.add(new Token(Kind.LPAREN, "(", i++)); continue; }
                if (c == ')') { out.add(new Token(Kind.RPAREN, ")", i++)); continue; }
                if (c == '&' || c == '|') {
                    if (i + 1 < n && src.charAt(i + 1) == c) {
                        out.add(new Token(c == '&' ? Kind.AND : Kind.OR, "" + c + c, i));
                        i += 2;
                        continue;
                    }
                    throw syntax.errors().at("use '" + c + c + "' rather than '" + c + "'", i);
                }
                if (c == '=' || c == '!' || c == '<' || c == '>') {
                    boolean eq = i + 1 < n && src.charAt(i + 1) == '=';
                    if (c == '!' && !eq) { out.add(new Token(Kind.NOT, "!", i++)); continue; }
                    String sym = eq ? src.substring(i, i + 2) : String.valueOf(c);
                    out.add(new Token(Kind.OP, sym, i));
                    i += sym.length();
                    continue;
                }
                if (c == '\'' || c == '"') {
                    if (!syntax.quotedText()) throw syntax.errors().at("quoted text is not accepted here: compare numbers", i);
                    int end = src.indexOf(c, i + 1);
                    if (end < 0) throw syntax.errors().at("unterminated quoted text", i);
                    out.add(new Token(Kind.STRING, src.substring(i + 1, end), start));
                    i = end + 1;
                    continue;
                }
                if (Character.isDigit(c) || c == '.' || ((c == '-' || c == '+') && i + 1 < n
                        && (Character.isDigit(src.charAt(i + 1)) || src.charAt(i + 1) == '.'))) {
                    i++;
                    while (i < n && (Character.isDigit(src.charAt(i)) || src.charAt(i) == '.')) i++;
                    if (i < n && (src.charAt(i) == 'e' || src.charAt(i) == 'E')) {
                        int j = i + 1;
                        if (j < n && (src.charAt(j) == '+' || src.charAt(j) == '-')) j++;
                        if (j < n && Character.isDigit(src.charAt(j))) {
                            i = j;
                            while (i < n && Character.isDigit(src.charAt(i))) i++;
                        }
                    }
                    String num = src.substring(start, i);
                    try {
                        Double.parseDouble(num);
                    } catch (NumberFormatException e) {
                        throw syntax.errors().at("'" + num + "' is not a number", start);
                    }
                    out.add(new Token(Kind.NUMBER, num, start));
                    continue;
                }
                if (Character.isLetter(c) || c == '_') {
                    i++;
                    while (i < n && (Character.isLetterOrDigit(src.charAt(i)) || "_.-".indexOf(src.charAt(i)) >= 0)) i++;
                    out.add(new Token(Kind.IDENT, src.substring(start, i), start));
                    continue;
                }
                throw syntax.errors().at("unexpected character '" + c + "'", i);
            }
            out.add(new Token(Kind.END, "end of expression", n));
            return out;
        }
    }
}
