package org.rareset.deepset.pretrained;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.rareset.core.InputException;

/**
 * Reads PyTorch (Lightning) checkpoints saved by {@code torch.save} in its zip format, without
 * Python: {@code <archive>/data.pkl} is a pickle whose tensors refer, through persistent ids
 * {@code ('storage', torch.FloatStorage, key, location, numel)}, to raw little-endian storages in
 * {@code <archive>/data/<key>}. Tensors are rebuilt as {@code torch._utils._rebuild_tensor_v2}
 * does (storage offset, shape, strides). Only float32 storages are materialised; tensors of other
 * types are kept as opaque objects so that the rest of the file still reads.
 */
public final class CheckpointReader {
    static final PickleGlobal REBUILD_TENSOR_V2 = new PickleGlobal("torch._utils", "_rebuild_tensor_v2");
    static final PickleGlobal FLOAT_STORAGE = new PickleGlobal("torch", "FloatStorage");
    private static final long MAX_PICKLE_BYTES = 256L << 20;

    private CheckpointReader() {}

    /** A storage named by a persistent id; its bytes stay in the archive until a tensor needs them. */
    record StorageRef(PickleGlobal type, String key, long numel) {}

    /** A parsed checkpoint: the unpickled root object and its {@code state_dict} float tensors. */
    public record Checkpoint(Path file, Object root, Map<String, Tensor> stateDict) {
        /** The float tensors whose names start with {@code prefix}, in file order, prefix removed. */
        public Map<String, Tensor> withPrefix(String prefix) {
            Map<String, Tensor> out = new LinkedHashMap<>();
            stateDict.forEach((k, v) -> {
                if (k.startsWith(prefix)) out.put(k.substring(prefix.length()), v);
            });
            return out;
        }
    }

    /** Reads a checkpoint; bad or foreign files raise {@link InputException} naming the file. */
    public static Checkpoint read(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String prefix = archivePrefix(zip, file);
            byte[] pickle = readEntry(zip, zip.getEntry(prefix + "data.pkl"), MAX_PICKLE_BYTES, file);
            Map<String, float[]> storages = new HashMap<>();
            PickleReader.Resolver resolver = new PickleReader.Resolver() {
                @Override
                public Object call(PickleGlobal callable, List<Object> args) {
                    if (REBUILD_TENSOR_V2.equals(callable)) return rebuildTensor(args, zip, prefix, storages, file);
                    return PickleReader.defaultCall(callable, args);
                }

                @Override
                public Object persistentLoad(Object pid) {
                    return storageRef(pid);
                }
            };
            Object root = PickleReader.load(pickle, resolver);
            return new Checkpoint(file, root, stateDict(root, file));
        } catch (ZipException e) {
            throw InputException.of(file, "not a PyTorch zip checkpoint (" + e.getMessage() + ")",
                    "save it with torch.save in the default zip format");
        } catch (PickleReader.PickleException | IllegalArgumentException e) {
            throw InputException.of(file, "cannot read the checkpoint's pickle: " + e.getMessage(),
                    "is the file complete?");
        } catch (IOException e) {
            throw InputException.of(file, "cannot read: " + e, null);
        }
    }

    private static String archivePrefix(ZipFile zip, Path file) {
        for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
            String name = en.nextElement().getName();
            int slash = name.indexOf('/');
            if (slash > 0 && name.substring(slash + 1).equals("data.pkl")) return name.substring(0, slash + 1);
        }
        throw InputException.of(file, "no <archive>/data.pkl entry", "not a torch.save checkpoint");
    }

    private static byte[] readEntry(ZipFile zip, ZipEntry entry, long maxBytes, Path file) throws IOException {
        if (entry == null) throw InputException.of(file, "missing archive entry", null);
        if (entry.getSize() > maxBytes) {
            throw InputException.of(file, entry.getName() + " is " + entry.getSize() + " bytes, more than the "
                    + maxBytes + " allowed", null);
        }
        try (var in = zip.getInputStream(entry)) {
            byte[] b = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
            if (b.length > maxBytes) throw InputException.of(file, entry.getName() + " is too large", null);
            return b;
        }
    }

    private static StorageRef storageRef(Object pid) {
        if (pid instanceof List<?> t && t.size() >= 5 && "storage".equals(t.get(0))
                && t.get(1) instanceof PickleGlobal type && t.get(2) instanceof String key
                && t.get(4) instanceof Long numel) {
            return new StorageRef(type, key, numel);
        }
        throw new IllegalArgumentException("unknown persistent id " + pid);
    }

    /** {@code _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, backward_hooks, ...)}. */
    private static Object rebuildTensor(List<Object> args, ZipFile zip, String prefix,
                                        Map<String, float[]> storages, Path file) {
        if (args.size() < 4 || !(args.get(0) instanceof StorageRef ref) || !(args.get(1) instanceof Long offset)
                || !(args.get(2) instanceof List<?> size) || !(args.get(3) instanceof List<?> stride)) {
            throw new IllegalArgumentException("unexpected _rebuild_tensor_v2 arguments " + args);
        }
        if (!FLOAT_STORAGE.equals(ref.type())) return new OpaqueObject(REBUILD_TENSOR_V2, args);
        float[] storage = storages.computeIfAbsent(ref.key(), k -> readFloats(zip, prefix + "data/" + k, ref.numel(), file));
        return Tensor.fromStorage(storage, offset, ints(size), longs(stride));
    }

    private static float[] readFloats(ZipFile zip, String entryName, long numel, Path file) {
        try {
            ZipEntry e = zip.getEntry(entryName);
            if (e == null) throw InputException.of(file, "storage " + entryName + " is missing", "is the file complete?");
            byte[] bytes = readEntry(zip, e, Integer.MAX_VALUE - 8, file);
            if (bytes.length != numel * 4) {
                throw InputException.of(file, "storage " + entryName + " holds " + bytes.length + " bytes, "
                        + numel + " float32 values need " + numel * 4, "is the file complete?");
            }
            float[] out = new float[(int) numel];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
            return out;
        } catch (IOException ex) {
            throw InputException.of(file, "cannot read storage " + entryName + ": " + ex, null);
        }
    }

    private static int[] ints(List<?> list) {
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) out[i] = Math.toIntExact((Long) list.get(i));
        return out;
    }

    private static long[] longs(List<?> list) {
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) out[i] = (Long) list.get(i);
        return out;
    }

    private static Map<String, Tensor> stateDict(Object root, Path file) {
        if (!(root instanceof Map<?, ?> top)) {
            throw InputException.of(file, "the checkpoint holds a " + root.getClass().getSimpleName()
                    + ", not a dict", "expected a PyTorch Lightning checkpoint");
        }
        Object sd = top.containsKey("state_dict") ? top.get("state_dict") : top;
        if (!(sd instanceof Map<?, ?> m)) throw InputException.of(file, "state_dict is not a dict", null);
        Map<String, Tensor> out = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (k instanceof String name && v instanceof Tensor t) out.put(name, t);
        });
        return Collections.unmodifiableMap(out);
    }
}
