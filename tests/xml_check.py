#!/usr/bin/env python3
"""xml_check.py - every XML part of each workbook given is well-formed.

usage: python3 tests/xml_check.py FILE.xlsx...
Prints one line per bad part and exits 1; exits 0 when all are well-formed.
A workbook is a zip of XML parts (OOXML); expat refuses what Office and
LibreOffice would refuse: control characters, bad UTF-8, broken nesting.
"""
import sys
import zipfile
import xml.parsers.expat

bad = 0
for path in sys.argv[1:]:
    try:
        z = zipfile.ZipFile(path)
    except Exception as e:  # not a zip: the workbook itself is broken
        print(f"{path}: not a workbook: {e}")
        bad += 1
        continue
    for name in z.namelist():
        if not (name.endswith(".xml") or name.endswith(".rels")):
            continue
        p = xml.parsers.expat.ParserCreate()
        try:
            p.Parse(z.read(name), True)
        except xml.parsers.expat.ExpatError as e:
            print(f"{path}: {name}: not well-formed XML: {e}")
            bad += 1
sys.exit(1 if bad else 0)
