package org.rareset.deepset.pretrained;

/** A {@code module.name} reference found in a pickle (a class or function), never imported or run. */
public record PickleGlobal(String module, String name) {
    @Override
    public String toString() {
        return module + "." + name;
    }
}
