package org.rareset.deepset.pretrained;

import java.util.Arrays;

/**
 * A float32 tensor read from a checkpoint, made contiguous (row-major) from its storage, offset,
 * shape and strides.
 */
public record Tensor(int[] shape, float[] values) {

    public Tensor {
        long n = 1;
        for (int d : shape) n *= d;
        if (n != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n
                    + " values, got " + values.length);
        }
    }

    /**
     * Gathers a row-major tensor from a flat storage, as {@code torch._utils._rebuild_tensor_v2}
     * views it: element {@code (i0, i1, ...)} is {@code storage[offset + i0*stride0 + i1*stride1 + ...]}.
     */
    public static Tensor fromStorage(float[] storage, long offset, int[] shape, long[] stride) {
        if (shape.length != stride.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " and stride "
                    + Arrays.toString(stride) + " differ in rank");
        }
        long n = 1;
        for (int d : shape) {
            if (d < 0) throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            n *= d;
        }
        if (n > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("tensor too large: " + n);
        float[] out = new float[(int) n];
        int[] index = new int[shape.length];
        for (int k = 0; k < n; k++) {
            long at = offset;
            for (int d = 0; d < shape.length; d++) at += index[d] * stride[d];
            if (at < 0 || at >= storage.length) {
                throw new IllegalArgumentException("tensor element at storage index " + at
                        + " outside a storage of " + storage.length);
            }
            out[k] = storage[(int) at];
            for (int d = shape.length - 1; d >= 0; d--) {
                if (++index[d] < shape[d]) break;
                index[d] = 0;
            }
        }
        return new Tensor(shape.clone(), out);
    }

    public int rank() {
        return shape.length;
    }

    public int size(int dim) {
        return shape[dim];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && Arrays.equals(shape, t.shape) && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape);
    }
}
