#!/usr/bin/env python3
"""Writes FILE.bgen.bgi for BGEN v1.2/v1.3 (layout 2) files, as bgenix -index does: an SQLite
database with bgenix's Variant table (one row per variant block: chromosome, position, rsid,
number_of_alleles, allele1, allele2, file_start_position, size_in_bytes) and its Metadata table.

The block offsets are found by walking the file as the BGEN specification lays it out
(https://www.well.ox.ac.uk/~gav/bgen_format/spec/latest.html), independently of RareSet's reader.
Standard library only.  Usage: python3 make_bgi.py cohort.v12.bgen cohort.v13.bgen
"""
import os
import sqlite3
import struct
import sys

SCHEMA = """
CREATE TABLE Variant (
  chromosome TEXT NOT NULL, position INT NOT NULL, rsid TEXT NOT NULL, number_of_alleles INT NOT NULL,
  allele1 TEXT NOT NULL, allele2 TEXT NULL, file_start_position INT NOT NULL, size_in_bytes INT NOT NULL,
  PRIMARY KEY (chromosome, position, rsid, allele1, allele2, file_start_position)
) WITHOUT ROWID;
CREATE TABLE Metadata (
  filename TEXT NOT NULL, file_size INT NOT NULL, last_write_time INT NOT NULL,
  first_1000_bytes BLOB NOT NULL, index_creation_time INT NOT NULL
);
"""


def blocks(path):
    with open(path, "rb") as f:
        data = f.read()
    offset, lh, m, _n = struct.unpack_from("<IIII", data, 0)
    flags = struct.unpack_from("<I", data, 4 + lh - 4)[0]
    if (flags >> 2) & 0xF != 2:
        raise SystemExit(path + ": only layout 2 (BGEN v1.2/v1.3) is handled here")
    at = offset + 4
    for _ in range(m):
        start = at
        fields = []
        for _ in range(3):  # SNP id, rsid, chromosome
            (length,) = struct.unpack_from("<H", data, at)
            fields.append(data[at + 2:at + 2 + length].decode())
            at += 2 + length
        position, k = struct.unpack_from("<IH", data, at)
        at += 6
        alleles = []
        for _ in range(k):
            (length,) = struct.unpack_from("<I", data, at)
            alleles.append(data[at + 4:at + 4 + length].decode())
            at += 4 + length
        (c,) = struct.unpack_from("<I", data, at)
        at += 4 + c
        yield fields[2], position, fields[1], k, alleles[0], alleles[1] if k > 1 else None, start, at - start
    if at != len(data):
        raise SystemExit(path + ": %d bytes after the last variant" % (len(data) - at))


def main(paths):
    for path in paths:
        bgi = path + ".bgi"
        if os.path.exists(bgi):
            os.remove(bgi)
        db = sqlite3.connect(bgi)
        db.executescript(SCHEMA)
        db.executemany("INSERT INTO Variant VALUES (?, ?, ?, ?, ?, ?, ?, ?)", list(blocks(path)))
        with open(path, "rb") as f:
            first = f.read(1000)
        # fixed times, so that the file is the same on every run
        db.execute("INSERT INTO Metadata VALUES (?, ?, 0, ?, 0)", (os.path.basename(path), os.path.getsize(path), first))
        db.commit()
        db.execute("VACUUM")
        db.close()


if __name__ == "__main__":
    main(sys.argv[1:])
