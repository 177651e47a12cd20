package org.rareset.association.mask;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.rareset.annotate.InputException;
import org.rareset.association.input.AnnotationTable;

/**
 * A boolean expression over annotation columns selecting the variants of a mask, for example
 * {@code Consequence_missense_variant == 1 && CADD_PHRED > 20}.
 *
 * <p>Grammar (usual precedence: {@code !} over comparisons over {@code &&} over {@code ||}):
 * <pre>
 *   expr       := and ( '||' and )*
 *   and        := unary ( '&&' unary )*
 *   unary      := '!' unary | '(' expr ')' | comparison
 *   comparison := operand ( ('==' | '!=' | '&lt;' | '&lt;=' | '&gt;' | '&gt;=') operand )?
 *   operand    := column | number | 'text' | "text"
 * </pre>
 * A bare column is true when its value is a non-zero number. A comparison with a number compares
 * numerically; with a quoted text it compares text. A variant whose value is missing (or not a
 * number where a number is compared) fails the comparison, whatever the operator.
 */
public final class MaskExpression {
    private final String text;
    private final Node root;
    private final Set<String> columns;

    private MaskExpression(String text, Node root, Set<String> columns) {
        this.text = text;
        this.root = root;
        this.columns = columns;
    }

    /**
     * Parses and binds the expression to the table's columns.
     *
     * @param where where the expression came from, for errors (e.g. {@code masks.txt: line 3})
     * @throws InputException on a syntax error or an unknown column, naming it and listing the columns
     */
    public static MaskExpression parse(String text, List<String> availableColumns, String where) {
        Parser p = new Parser(text, availableColumns, where);
        Node n = p.parseExpr();
        if (p.peek().kind != Kind.END) throw p.error("unexpected '" + p.peek().text + "'");
        return new MaskExpression(text, n, p.usedColumns);
    }

    /** True when annotation row {@code row} of the table satisfies the expression. */
    public boolean test(AnnotationTable table, int row) {
        return root.eval(table, row);
    }

    public String text() { return text; }

    /** The annotation columns the expression reads. */
    public Set<String> columns() { return columns; }

    @Override
    public String toString() { return text; }

    // ---- evaluation tree ----

    private interface Node {
        boolean eval(AnnotationTable t, int row);
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

    /** An operand: a column (index into the annotation columns) or a literal. */
    private record Operand(int column, String name, Double number, String string) {
        boolean isColumn() { return column >= 0; }
    }

    private record Comparison(Operand left, Op op, Operand right) implements Node {
        @Override
        public boolean eval(AnnotationTable t, int row) {
            Operand l = left;
            Operand r = right;
            Op o = op;
            if (!l.isColumn()) { Operand tmp = l; l = r; r = tmp; o = o.mirrored(); }
            if (!l.isColumn()) return o.holds(compareLiterals(left, right) * (o == op ? 1 : -1));
            if (r.isColumn()) {
                double a = t.number(row, l.column);
                double b = t.number(row, r.column);
                if (!Double.isNaN(a) && !Double.isNaN(b)) return o.holds(Double.compare(a, b));
                String sa = t.text(row, l.column);
                String sb = t.text(row, r.column);
                return sa != null && sb != null && o.holds(sa.compareTo(sb));
            }
            if (r.number != null) {
                double a = t.number(row, l.column);
                return !Double.isNaN(a) && o.holds(Double.compare(a, r.number));
            }
            String s = t.text(row, l.column);
            return s != null && o.holds(s.compareTo(r.string));
        }

        private static int compareLiterals(Operand a, Operand b) {
            if (a.number != null && b.number != null) return Double.compare(a.number, b.number);
            String sa = a.number != null ? a.number.toString() : a.string;
            String sb = b.number != null ? b.number.toString() : b.string;
            return sa.compareTo(sb);
        }
    }

    private record Truthy(int column) implements Node {
        @Override
        public boolean eval(AnnotationTable t, int row) {
            double v = t.number(row, column);
            return !Double.isNaN(v) && v != 0.0;
        }
    }

    private record Not(Node inner) implements Node {
        @Override
        public boolean eval(AnnotationTable t, int row) { return !inner.eval(t, row); }
    }

    private record And(List<Node> parts) implements Node {
        @Override
        public boolean eval(AnnotationTable t, int row) {
            for (Node n : parts) if (!n.eval(t, row)) return false;
            return true;
        }
    }

    private record Or(List<Node> parts) implements Node {
        @Override
        public boolean eval(AnnotationTable t, int row) {
            for (Node n : parts) if (n.eval(t, row)) return true;
            return false;
        }
    }

    // ---- tokenizer and recursive-descent parser ----

    private enum Kind { IDENT, NUMBER, STRING, OP, AND, OR, NOT, LPAREN, RPAREN, END }

    private record Token(Kind kind, String text, int offset) {}

    private static final class Parser {
        private final String src;
        private final List<String> available;
        private final String where;
        private final List<Token> tokens;
        private final Set<String> usedColumns = new LinkedHashSet<>();
        private int next;

        Parser(String src, List<String> available, String where) {
            this.src = src;
            this.available = available;
            this.where = where;
            this.tokens = tokenize();
        }

        InputException error(String problem) {
            Token t = next < tokens.size() ? tokens.get(next) : tokens.get(tokens.size() - 1);
            return new InputException(where, null, "mask expression '" + src + "': " + problem + " at character " + (t.offset + 1),
                    "write comparisons like CADD_PHRED > 20 joined with && || ! and parentheses");
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
            Operand left = parseOperand();
            if (peek().kind != Kind.OP) {
                if (!left.isColumn()) throw error("a literal alone is not a condition");
                return new Truthy(left.column);
            }
            Op op = op(take().text);
            Operand right = parseOperand();
            return new Comparison(left, op, right);
        }

        Operand parseOperand() {
            Token t = take();
            switch (t.kind) {
                case NUMBER: return new Operand(-1, null, Double.parseDouble(t.text), null);
                case STRING: return new Operand(-1, null, null, t.text);
                case IDENT: return new Operand(column(t), t.text, null, null);
                case END: next--; throw error("expression ends early");
                default: next--; throw error("expected a column, number or quoted text but found '" + t.text + "'");
            }
        }

        int column(Token t) {
            int c = available.indexOf(t.text);
            if (c < 0) {
                for (int i = 0; i < available.size(); i++) if (available.get(i).equalsIgnoreCase(t.text)) { c = i; break; }
            }
            if (c < 0) {
                throw new InputException(where, null, "mask expression '" + src + "' names unknown annotation column '" + t.text + "'",
                        "annotation columns are: " + String.join(", ", available));
            }
            usedColumns.add(available.get(c));
            return c;
        }

        static Op op(String s) {
            for (Op o : Op.values()) if (o.symbol.equals(s)) return o;
            return s.equals("=") ? Op.EQ : null;
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
                    throw syntax("use '" + c + c + "' rather than '" + c + "'", i);
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
                    int end = src.indexOf(c, i + 1);
                    if (end < 0) throw syntax("unterminated quoted text", i);
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
                        throw syntax("'" + num + "' is not a number", start);
                    }
                    out.add(new Token(Kind.NUMBER, num, start));
                    continue;
                }
                if (Character.isLetter(c) || c == '_') {
                    i++;
                    while (i < n && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_' || src.charAt(i) == '.')) i++;
                    out.add(new Token(Kind.IDENT, src.substring(start, i), start));
                    continue;
                }
                throw syntax("unexpected character '" + c + "'", i);
            }
            out.add(new Token(Kind.END, "end of expression", n));
            return out;
        }

        private InputException syntax(String problem, int offset) {
            return new InputException(where, null, "mask expression '" + src + "': " + problem + " at character " + (offset + 1),
                    "write comparisons like CADD_PHRED > 20 joined with && || ! and parentheses");
        }
    }
}
