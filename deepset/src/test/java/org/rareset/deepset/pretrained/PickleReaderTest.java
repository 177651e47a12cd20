package org.rareset.deepset.pretrained;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareset.core.InputException;

/**
 * Pickles written by CPython 3.11.7's pickle module:
 * <pre>
 * shared = [7]
 * v = {'a': 1, 'b': [1.5, -2, 2**70, True, None, -300, 70000, -(2**40)], 'c': (1, 2, 3),
 *      'd': collections.OrderedDict(x=1), 'e': 'é', 'f': b'\x00\x01', 'g': datetime.date(2020, 1, 2),
 *      'h': (), 's1': shared, 's2': shared}
 * pickle.dumps(v, protocol=2).hex(), pickle.dumps(v, protocol=4).hex()
 * </pre>
 */
class PickleReaderTest {
    static final String PROTOCOL_2 = "80027d71002858010000006171014b0158010000006271025d710328473ff80000000000004afeffffff8a0900000000000000004088"
            + "4e4ad4feffff4a701101008a060000000000ff6558010000006371044b014b024b03877105580100000064710663636f6c6c656374696f6e730a4f"
            + "726465726564446963740a71072952710858010000007871094b0173580100000065710a5802000000c3a9710b580100000066710c635f636f6465"
            + "63730a656e636f64650a710d58020000000001710e58060000006c6174696e31710f8671105271115801000000677112636461746574696d650a64"
            + "6174650a7113680d580500000007c3a401027114680f86711552711685711752711858010000006871192958020000007331711a5d711b4b076158"
            + "020000007332711c681b752e";
    static final String PROTOCOL_4 = "800495c3000000000000007d94288c0161944b018c0162945d9428473ff80000000000004afeffffff8a0900000000000000004088"
            + "4e4ad4feffff4a701101008a060000000000ff658c0163944b014b024b0387948c0164948c0b636f6c6c656374696f6e73948c0b4f726465726564"
            + "446963749493942952948c0178944b01738c0165948c02c3a9948c01669443020001948c0167948c086461746574696d65948c0464617465949394"
            + "430407e4010294859452948c016894298c027331945d944b07618c027332946819752e";

    /**
     * A torch.save-style zip (archive/data.pkl, archive/data/0 holding float32 0..5) whose state
     * dict views one storage three ways: 'agg_model.w' shape (3,2) stride (1,3) (a transpose),
     * 'agg_model.b' offset 4 shape (2,), 'other' offset 1 shape (2,2) stride (2,1). Written with
     * CPython's pickle (protocol 2) and persistent ids ('storage', torch.FloatStorage, '0', 'cpu', 6).
     */
    static final String FAKE_CHECKPOINT = "504b030414000000000040577b5db97843b9720100007201000010000000617263686976652f646174612e706b6c80027d710028580a0000"
            + "0073746174655f64696374710163636f6c6c656374696f6e730a4f726465726564446963740a71022952710328580b0000006167675f6d6f"
            + "64656c2e77710463746f7263682e5f7574696c730a5f72656275696c645f74656e736f725f76320a71052828580700000073746f72616765"
            + "710663746f7263680a466c6f617453746f726167650a71075801000000307108580300000063707571094b0674710a514b004b034b028671"
            + "0b4b014b0386710c8968022952710d74710e52710f580b0000006167675f6d6f64656c2e6271106805282868066807680868094b06747111"
            + "514b044b028571124b018571138968022952711474711552711658050000006f7468657271176805282868066807680868094b0674711851"
            + "4b014b024b028671194b024b0186711a8968022952711b74711c52711d75581000000068797065725f706172616d6574657273711e7d711f"
            + "5804000000706f6f6c712058030000006d6178712173752e504b030414000000000040577b5d1790e79118000000180000000e0000006172"
            + "63686976652f646174612f30000000000000803f0000004000004040000080400000a040504b030414000000000040577b5dd19e67550200"
            + "0000020000000f000000617263686976652f76657273696f6e330a504b0102140314000000000040577b5db97843b9720100007201000010"
            + "0000000000000000000000800100000000617263686976652f646174612e706b6c504b0102140314000000000040577b5d1790e791180000"
            + "00180000000e00000000000000000000008001a0010000617263686976652f646174612f30504b0102140314000000000040577b5dd19e67"
            + "5502000000020000000f00000000000000000000008001e4010000617263686976652f76657273696f6e504b05060000000003000300b700"
            + "0000130200000000";

    private static Map<?, ?> load(String hex) {
        Object o = PickleReader.load(HexFormat.of().parseHex(hex), PickleReader.basicResolver());
        return assertInstanceOf(Map.class, o);
    }

    private static void checkCommon(Map<?, ?> m) {
        assertEquals(1L, m.get("a"));
        List<?> b = (List<?>) m.get("b");
        assertEquals(1.5, b.get(0));
        assertEquals(-2L, b.get(1));
        assertEquals(BigInteger.TWO.pow(70), b.get(2));
        assertEquals(Boolean.TRUE, b.get(3));
        assertNull(b.get(4));
        assertEquals(-300L, b.get(5));
        assertEquals(70000L, b.get(6));
        assertEquals(-(1L << 40), b.get(7));
        assertEquals(List.of(1L, 2L, 3L), m.get("c"));
        assertEquals(Map.of("x", 1L), m.get("d"));
        assertEquals("é", m.get("e"));
        OpaqueObject date = assertInstanceOf(OpaqueObject.class, m.get("g"));
        assertEquals(new PickleGlobal("datetime", "date"), date.type());
        assertEquals(List.of(), m.get("h"));
        assertSame(m.get("s1"), m.get("s2"), "memoised objects are shared");
        assertEquals(List.of(7L), m.get("s1"));
    }

    @Test
    void readsProtocol2() {
        Map<?, ?> m = load(PROTOCOL_2);
        checkCommon(m);
        // Protocol 2 stores bytes through _codecs.encode, which stays opaque.
        assertEquals(new PickleGlobal("_codecs", "encode"), ((OpaqueObject) m.get("f")).type());
    }

    @Test
    void readsProtocol4FramesAndStackGlobals() {
        Map<?, ?> m = load(PROTOCOL_4);
        checkCommon(m);
        assertArrayEquals(new byte[] {0, 1}, (byte[]) m.get("f"));
    }

    @Test
    void refusesTruncatedAndUnknownInput() {
        byte[] full = HexFormat.of().parseHex(PROTOCOL_2);
        byte[] cut = java.util.Arrays.copyOf(full, full.length / 2);
        assertThrows(PickleReader.PickleException.class, () -> PickleReader.load(cut, PickleReader.basicResolver()));
        PickleReader.PickleException e = assertThrows(PickleReader.PickleException.class,
                () -> PickleReader.load(new byte[] {(byte) 0x80, 2, (byte) 0xff}, PickleReader.basicResolver()));
        assertTrue(e.getMessage().contains("opcode 0xff at byte 2"), e.getMessage());
    }

    @Test
    void rebuildsStridedAndOffsetTensors(@TempDir Path tmp) throws IOException {
        Path ckpt = tmp.resolve("fake.ckpt");
        Files.write(ckpt, HexFormat.of().parseHex(FAKE_CHECKPOINT));
        CheckpointReader.Checkpoint cp = CheckpointReader.read(ckpt);
        Tensor w = cp.stateDict().get("agg_model.w");
        assertArrayEquals(new int[] {3, 2}, w.shape());
        assertArrayEquals(new float[] {0, 3, 1, 4, 2, 5}, w.values());
        assertArrayEquals(new float[] {4, 5}, cp.stateDict().get("agg_model.b").values());
        assertArrayEquals(new float[] {1, 2, 3, 4}, cp.stateDict().get("other").values());
        assertEquals(2, cp.withPrefix("agg_model.").size());
    }

    @Test
    void reportsACheckpointWithAMissingStorage(@TempDir Path tmp) throws IOException {
        byte[] zip = HexFormat.of().parseHex(FAKE_CHECKPOINT);
        Path ckpt = tmp.resolve("broken.ckpt");
        // Keep data.pkl only: rewrite the archive without archive/data/0.
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip));
             var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(ckpt))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals("archive/data/0")) continue;
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                out.write(in.readAllBytes());
                out.closeEntry();
            }
        }
        InputException e = assertThrows(InputException.class, () -> CheckpointReader.read(ckpt));
        assertTrue(e.getMessage().contains("archive/data/0 is missing"), e.getMessage());
    }
}
