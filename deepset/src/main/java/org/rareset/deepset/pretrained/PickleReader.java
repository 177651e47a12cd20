package org.rareset.deepset.pretrained;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal pickle virtual machine (protocols 0-5, the opcodes PyTorch and Lightning checkpoints
 * use). It never runs code: globals become {@link PickleGlobal}s, and calling one goes through a
 * {@link Resolver} that builds the few objects the caller understands; everything else becomes an
 * {@link OpaqueObject}.
 *
 * <p>Python values map to: dict and OrderedDict to {@link LinkedHashMap}, list to {@link ArrayList},
 * tuple to an unmodifiable {@link List}, str to {@link String}, int to {@link Long} (or
 * {@link BigInteger} when wider), float to {@link Double}, bool to {@link Boolean}, None to
 * {@code null}, bytes to {@code byte[]}, set to {@link HashSet}.
 *
 * <p>Malformed input raises {@link PickleException} with the byte offset.
 */
public final class PickleReader {

    /** Builds objects for {@code REDUCE}/{@code NEWOBJ} and persistent ids. */
    public interface Resolver {
        /** The result of calling {@code callable(*args)}; an {@link OpaqueObject} when unknown. */
        Object call(PickleGlobal callable, List<Object> args);

        /** The object a persistent id stands for (for example a tensor storage). */
        Object persistentLoad(Object pid);
    }

    /** A malformed or unsupported pickle. */
    public static final class PickleException extends RuntimeException {
        PickleException(String message) {
            super(message);
        }
    }

    private static final Object MARK = new Object() {
        @Override
        public String toString() {
            return "MARK";
        }
    };

    private final ByteBuffer in;
    private final Resolver resolver;
    private final ArrayList<Object> stack = new ArrayList<>();
    private final Map<Long, Object> memo = new HashMap<>();

    private PickleReader(byte[] data, Resolver resolver) {
        this.in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        this.resolver = resolver;
    }

    /** Unpickles one object from {@code data}. */
    public static Object load(byte[] data, Resolver resolver) {
        PickleReader reader = new PickleReader(data, resolver);
        try {
            return reader.run();
        } catch (java.nio.BufferUnderflowException e) {
            throw reader.error("ends in the middle of a value");
        }
    }

    /** A resolver that knows only {@code collections.OrderedDict} and refuses persistent ids. */
    public static Resolver basicResolver() {
        return new Resolver() {
            @Override
            public Object call(PickleGlobal callable, List<Object> args) {
                return defaultCall(callable, args);
            }

            @Override
            public Object persistentLoad(Object pid) {
                throw new PickleException("persistent id " + pid + " without a resolver for it");
            }
        };
    }

    /** OrderedDict and dict become maps; anything else an {@link OpaqueObject}. */
    public static Object defaultCall(PickleGlobal callable, List<Object> args) {
        if (("collections".equals(callable.module()) && "OrderedDict".equals(callable.name()))
                || ("builtins".equals(callable.module()) && "dict".equals(callable.name()))) {
            return new LinkedHashMap<Object, Object>();
        }
        return new OpaqueObject(callable, args);
    }

    private Object run() {
        while (true) {
            if (!in.hasRemaining()) throw error("ends before STOP");
            int at = in.position();
            int op = in.get() & 0xff;
            switch (op) {
                case 0x80 -> { // PROTO
                    int proto = u8();
                    if (proto > 5) throw error("pickle protocol " + proto + " is not supported");
                }
                case 0x95 -> { // FRAME: a length hint only
                    long len = in.getLong();
                    if (len < 0 || len > in.remaining()) throw error("frame of " + len + " bytes past the end");
                }
                case '.' -> { // STOP
                    if (stack.size() != 1) throw error("STOP with " + stack.size() + " objects on the stack");
                    return stack.get(0);
                }
                case '(' -> stack.add(MARK);
                case '0' -> pop();
                case '1' -> popMark();
                case '2' -> push(peek());
                case 'N' -> push(null);
                case 0x88 -> push(Boolean.TRUE);
                case 0x89 -> push(Boolean.FALSE);
                case 'J' -> push((long) in.getInt());
                case 'K' -> push((long) u8());
                case 'M' -> push((long) (in.getShort() & 0xffff));
                case 0x8a -> push(longBytes(u8()));
                case 0x8b -> push(longBytes(length(in.getInt())));
                case 'I' -> push(textInt(line()));
                case 'L' -> push(new BigInteger(stripL(line())));
                case 'G' -> push(bigEndianDouble(advance(8)));
                case 'F' -> push(Double.parseDouble(line()));
                case 'X' -> push(utf8(length(in.getInt())));
                case 0x8c -> push(utf8(u8()));
                case 0x8d -> push(utf8(length(in.getLong())));
                case 'T' -> push(latin1(length(in.getInt())));
                case 'U' -> push(latin1(u8()));
                case 'B' -> push(bytes(length(in.getInt())));
                case 'C' -> push(bytes(u8()));
                case 0x8e -> push(bytes(length(in.getLong())));
                case '}' -> push(new LinkedHashMap<Object, Object>());
                case ']' -> push(new ArrayList<Object>());
                case ')' -> push(List.of());
                case 0x8f -> push(new HashSet<Object>());
                case 't' -> push(tuple(popMark()));
                case 0x85 -> push(tuple(List.of(pop()).toArray()));
                case 0x86 -> {
                    Object b = pop();
                    Object a = pop();
                    push(tuple(new Object[] {a, b}));
                }
                case 0x87 -> {
                    Object c = pop();
                    Object b = pop();
                    Object a = pop();
                    push(tuple(new Object[] {a, b, c}));
                }
                case 'l' -> push(new ArrayList<>(Arrays.asList(popMark())));
                case 'd' -> {
                    Object[] items = popMark();
                    Map<Object, Object> m = new LinkedHashMap<>();
                    putPairs(m, items);
                    push(m);
                }
                case 'a' -> {
                    Object v = pop();
                    asList(peek()).add(v);
                }
                case 'e' -> {
                    Object[] items = popMark();
                    asList(peek()).addAll(Arrays.asList(items));
                }
                case 's' -> {
                    Object v = pop();
                    Object k = pop();
                    asMap(peek()).put(k, v);
                }
                case 'u' -> {
                    Object[] items = popMark();
                    putPairs(asMap(peek()), items);
                }
                case 0x90 -> { // ADDITEMS
                    Object[] items = popMark();
                    asSet(peek()).addAll(Arrays.asList(items));
                }
                case 0x91 -> push(Collections.unmodifiableSet(new HashSet<>(Arrays.asList(popMark()))));
                case 'c' -> {
                    String module = line();
                    push(new PickleGlobal(module, line()));
                }
                case 0x93 -> { // STACK_GLOBAL
                    Object name = pop();
                    Object module = pop();
                    if (!(module instanceof String m) || !(name instanceof String n)) {
                        throw error("STACK_GLOBAL needs two strings");
                    }
                    push(new PickleGlobal(m, n));
                }
                case 'R', 0x81 -> { // REDUCE, NEWOBJ
                    Object args = pop();
                    Object callable = pop();
                    push(call(callable, args));
                }
                case 0x92 -> { // NEWOBJ_EX: kwargs are kept by the opaque object only
                    pop();
                    Object args = pop();
                    Object callable = pop();
                    push(call(callable, args));
                }
                case 'b' -> build(pop(), peek());
                case 'Q' -> push(resolver.persistentLoad(pop()));
                case 'P' -> push(resolver.persistentLoad(line()));
                case 'q' -> memo.put((long) u8(), peek());
                case 'r' -> memo.put(in.getInt() & 0xffffffffL, peek());
                case 'p' -> memo.put(Long.parseLong(line().trim()), peek());
                case 0x94 -> memo.put((long) memo.size(), peek());
                case 'h' -> push(memoGet(u8()));
                case 'j' -> push(memoGet(in.getInt() & 0xffffffffL));
                case 'g' -> push(memoGet(Long.parseLong(line().trim())));
                default -> throw new PickleException(String.format(
                        "unsupported pickle opcode 0x%02x at byte %d", op, at));
            }
        }
    }

    private Object call(Object callable, Object args) {
        if (!(callable instanceof PickleGlobal g)) throw error("call of a non-global " + callable);
        if (!(args instanceof List<?> list)) throw error("call of " + callable + " without an argument tuple");
        @SuppressWarnings("unchecked")
        List<Object> a = (List<Object>) list;
        return resolver.call(g, a);
    }

    /** BUILD: instance state. Maps (an OrderedDict's attributes) keep their items; the state is dropped. */
    private void build(Object state, Object target) {
        if (target instanceof OpaqueObject o) {
            o.setState(state);
        } else if (!(target instanceof Map<?, ?>) && !(target instanceof Tensor)) {
            throw error("BUILD on " + (target == null ? "None" : target.getClass().getSimpleName()));
        }
    }

    private static List<Object> tuple(Object[] items) {
        return Collections.unmodifiableList(Arrays.asList(items));
    }

    private void putPairs(Map<Object, Object> m, Object[] items) {
        if (items.length % 2 != 0) throw error("odd number of items for a dict");
        for (int i = 0; i < items.length; i += 2) m.put(items[i], items[i + 1]);
    }

    @SuppressWarnings("unchecked")
    private List<Object> asList(Object o) {
        if (o instanceof ArrayList<?> l) return (List<Object>) l;
        throw error("APPEND to a " + typeName(o));
    }

    /** BINFLOAT is the one big-endian value in a pickle. */
    private double bigEndianDouble(int at) {
        long bits = 0;
        for (int i = 0; i < 8; i++) bits = (bits << 8) | (in.array()[at + i] & 0xffL);
        return Double.longBitsToDouble(bits);
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> asMap(Object o) {
        if (o instanceof Map<?, ?> m) return (Map<Object, Object>) m;
        throw error("SETITEM on a " + typeName(o));
    }

    @SuppressWarnings("unchecked")
    private java.util.Set<Object> asSet(Object o) {
        if (o instanceof HashSet<?> s) return (java.util.Set<Object>) s;
        throw error("ADDITEMS on a " + typeName(o));
    }

    private static String typeName(Object o) {
        return o == null ? "None" : o.getClass().getSimpleName();
    }

    private Object memoGet(long key) {
        if (!memo.containsKey(key)) throw error("memo key " + key + " was never stored");
        return memo.get(key);
    }

    private void push(Object o) {
        stack.add(o);
    }

    private Object pop() {
        if (stack.isEmpty()) throw error("stack underflow");
        Object o = stack.remove(stack.size() - 1);
        if (o == MARK) throw error("unexpected MARK");
        return o;
    }

    private Object peek() {
        if (stack.isEmpty()) throw error("stack underflow");
        Object o = stack.get(stack.size() - 1);
        if (o == MARK) throw error("unexpected MARK");
        return o;
    }

    private Object[] popMark() {
        int k = stack.size() - 1;
        while (k >= 0 && stack.get(k) != MARK) k--;
        if (k < 0) throw error("no MARK on the stack");
        List<Object> tail = stack.subList(k + 1, stack.size());
        Object[] items = tail.toArray();
        stack.subList(k, stack.size()).clear();
        return items;
    }

    private int u8() {
        return in.get() & 0xff;
    }

    /** Moves past n bytes and returns where they start. */
    private int advance(int n) {
        int at = in.position();
        if (n > in.remaining()) throw error("value of " + n + " bytes runs past the end");
        in.position(at + n);
        return at;
    }

    private int length(long n) {
        if (n < 0 || n > in.remaining()) throw error("length " + n + " runs past the end");
        return (int) n;
    }

    private byte[] bytes(int n) {
        int at = advance(n);
        return Arrays.copyOfRange(in.array(), at, at + n);
    }

    private String utf8(int n) {
        return new String(in.array(), advance(n), n, StandardCharsets.UTF_8);
    }

    private String latin1(int n) {
        return new String(in.array(), advance(n), n, StandardCharsets.ISO_8859_1);
    }

    private String line() {
        int at = in.position();
        int end = at;
        byte[] a = in.array();
        while (end < a.length && a[end] != '\n') end++;
        if (end == a.length) throw error("text argument without a newline");
        in.position(end + 1);
        return new String(a, at, end - at, StandardCharsets.UTF_8);
    }

    private static Object textInt(String s) {
        s = s.trim();
        if (s.equals("00")) return Boolean.FALSE;
        if (s.equals("01")) return Boolean.TRUE;
        return Long.parseLong(s);
    }

    private static String stripL(String s) {
        s = s.trim();
        return s.endsWith("L") ? s.substring(0, s.length() - 1) : s;
    }

    /** LONG1/LONG4: little-endian two's complement; a Long when it fits. */
    private Object longBytes(int n) {
        byte[] le = bytes(n);
        if (n == 0) return 0L;
        byte[] be = new byte[n];
        for (int i = 0; i < n; i++) be[i] = le[n - 1 - i];
        BigInteger v = new BigInteger(be);
        return v.bitLength() < 64 ? (Object) v.longValue() : v;
    }

    private PickleException error(String what) {
        return new PickleException(what + " (at byte " + in.position() + ")");
    }
}
