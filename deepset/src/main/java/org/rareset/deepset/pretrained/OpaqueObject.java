package org.rareset.deepset.pretrained;

import java.util.List;

/**
 * An object the pickle reader does not know how to build (a Lightning callback, an enum, a
 * hyper-parameter container): it keeps the callable, its arguments and any BUILD state, so the
 * rest of the file can still be read.
 */
public final class OpaqueObject {
    private final PickleGlobal type;
    private final List<Object> args;
    private Object state;

    OpaqueObject(PickleGlobal type, List<Object> args) {
        this.type = type;
        this.args = args;
    }

    public PickleGlobal type() { return type; }
    public List<Object> args() { return args; }
    public Object state() { return state; }

    void setState(Object state) { this.state = state; }

    @Override
    public String toString() {
        return "<" + type + args + ">";
    }
}
