#!/usr/bin/env python3
"""pdf_layout.py - the PDF report read as a tester reads it (run by tests/e2e.sh).

    python3 tests/pdf_layout.py build/k3audit TMPDIR

With pdfinfo and pdftotext (poppler-utils), for every example site, the
hospital test site (tests/data/pdf_hospital.ini) and both languages:
  - no word is broken inside: a line that ends in a hyphen pango added,
    whose two halves make a word found whole elsewhere in the report
    ("Pembeban-" / "an"), fails; a break at a real hyphen ("C-SDP-" /
    "PROD") does not;
  - no page holds only a few lines but the last page of a chapter, a
    drawing's page or the Pengesahan;
  - no page ends with a section heading (its first rows go with it);
  - the one-line diagram draws a transformer symbol for each transformer
    and a generator symbol for each generator: its page's content holds at
    least 8 Bezier curves a transformer (two circles, filled and stroked,
    each at least two curves) and 4 a generator (a circle and the ~), where
    no other drawing on that page has curves; with each one's name;
  - a network too wide for the upright page has its diagram on a page
    turned sideways, and the next page is upright again;
  - the charts' axes say their quantity and unit, with the language's
    decimal sign;
  - a second audit with the history store shows what changed (3.13) with
    what tests/history.sh derives by hand from the 2027 file's edits
    (E-BODY-PROD closed, RCD-T-OFFICE new, RCD-T-LIGHT closed), and the
    first audit has no such section;
  - two runs give the same bytes (the sideways page and the changes too).
Prints each failure; the last line is "pdf_layout: P passed, F failed".
"""
import os
import re
import shutil
import subprocess
import sys
import zlib

BIN, TMP = sys.argv[1], sys.argv[2]
passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL: pdf_layout: " + what)


def run(*args):
    return subprocess.run([BIN, *args], capture_output=True, text=True)


def pages_text(pdf, *opt):
    t = subprocess.run(["pdftotext", *opt, pdf, "-"], capture_output=True, text=True).stdout
    return t.split("\f")[:n_pages(pdf)]


def n_pages(pdf):
    out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


def page_sizes(pdf):
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", str(n_pages(pdf)), pdf],
                         capture_output=True, text=True).stdout
    return re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", out)


def content_curves(pdf):
    """Bezier curve operators of each page's content stream, in page order."""
    data = open(pdf, "rb").read()
    objs = {int(m.group(1)): m.group(2)
            for m in re.finditer(rb"(\d+) 0 obj(.*?)endobj", data, re.S)}

    def stream(o):
        m = re.search(rb"stream\r?\n(.*?)endstream", o, re.S)
        if not m:
            return b""
        try:
            return zlib.decompress(m.group(1))
        except zlib.error:
            return m.group(1)
    out = []
    for k in sorted(objs):
        if not re.search(rb"/Type\s*/Page\b", objs[k]):
            continue
        c = re.search(rb"/Contents (\d+) 0 R", objs[k])
        s = stream(objs[int(c.group(1))]) if c else b""
        out.append(len(re.findall(rb"(?<=[\d.]) c(?=[\s])", s)))
    return out


def body_lines(page):
    """A page's lines without its header and footer."""
    ls = [l.strip() for l in page.split("\n") if l.strip()]
    return [l for l in ls if not re.search(r"^(Nomor laporan|Report number|Laporan Riksa|"
                                           r"Electrical Inspection|Halaman \d|Page \d)", l)
            and l not in ("LATIHAN - bukan hasil riksa uji", "TRAINING - not an inspection result")]


HEADING = re.compile(r"^([1-5]\.\d{1,2} {1,2}[A-Z][a-z]|BAB [IV]+ |CHAPTER [IV]+ )")


def report_checks(pdf, name, lang):
    pages = pages_text(pdf)
    text = "\n".join(pages)
    words = set(re.findall(r"[A-Za-z\u00c0-\u024f]+", text))
    # 1. no word broken inside (pango marks the break with a hyphen, which
    # pdftotext may or may not keep): a line ending in X, the next starting
    # with y, where Xy is a word of the report and X never stands alone
    split = []
    for p in pages:
        ls = [l.rstrip() for l in p.split("\n")]
        for a, b in zip(ls, ls[1:]):
            m = re.search(r"(?:^|\s)([A-Za-z\u00c0-\u024f]+)(-?)$", a)
            n = re.match(r"([a-z\u00e0-\u024f]+)\b", b.strip())
            if not m or not n:
                continue
            x, y = m.group(1), n.group(1)
            if x + y not in words or (m.group(2) and x + "-" + y in text.replace("-\n", "-")):
                continue
            alone = [t for t in re.finditer(r"(?<![\w-])" + re.escape(x) + r"(?![\w])", text)
                     if not re.match(r"-?\s*\n\s*" + re.escape(y), text[t.end():])]
            if not alone:
                split.append(x + "/" + y)
    check(not split, "%s (%s): words broken inside: %s" % (name, lang, sorted(set(split))[:6]))
    # 2. no near-empty page but a chapter's last, a drawing's or the last
    sizes = page_sizes(pdf)
    short = []
    for k, p in enumerate(pages):
        nxt = pages[k + 1] if k + 1 < len(pages) else ""
        last_of_chapter = (k + 1 == len(pages) or
                           re.search(r"^(BAB [IV]+ |CHAPTER [IV]+ )", "\n".join(body_lines(nxt)),
                                     re.M) or "PENGESAHAN" in nxt or "APPROVAL" in nxt)
        sideways = float(sizes[k][0]) > float(sizes[k][1])
        if len(body_lines(p)) < 8 and not last_of_chapter and not sideways:
            short.append(k + 1)
    check(not short, "%s (%s): pages with fewer than 8 lines: %s" % (name, lang, short))
    # 3. no page ends with a section heading
    foot = [k + 1 for k, p in enumerate(pages) if body_lines(p) and
            HEADING.match(body_lines(p)[-1]) and k + 1 < len(pages)]
    check(not foot, "%s (%s): a heading at the foot of page %s" % (name, lang, foot))
    return pages


def diagram_checks(pdf, site, name):
    pages = pages_text(pdf)
    k = next((i for i, p in enumerate(pages) if re.search(r"2\.6 +(Diagram satu garis|One-line"
                                                          r" diagram)", p)), None)
    check(k is not None, "%s: no one-line diagram" % name)
    if k is None:
        return
    src = open(site, encoding="utf-8").read()
    tx = re.findall(r"^\[transformer ([^\]]+)\]", src, re.M)
    gen = re.findall(r"^\[generator ([^\]]+)\]", src, re.M)
    curves = content_curves(pdf)[k]
    check(curves >= 8 * len(tx) + 4 * len(gen),
          "%s: %d curves on the diagram's page for %d transformer and %d generator symbols"
          % (name, curves, len(tx), len(gen)))
    flat = " ".join(pages[k].split())
    for t in tx + gen:
        check(t in flat, "%s: the diagram does not name %s" % (name, t))


def main():
    if not shutil.which("pdftotext") or not shutil.which("pdfinfo"):
        print("pdf_layout: SKIPPED (poppler-utils not installed)")
        sys.exit(0 if os.environ.get("K3A_NO_SKIP", "0") != "1" else 1)
    os.makedirs(TMP, exist_ok=True)
    sites = sorted(["examples/" + f for f in os.listdir("examples") if f.endswith(".ini")] +
                   ["examples/bimtek/" + f for f in os.listdir("examples/bimtek")
                    if f.endswith(".ini")] +
                   ["tests/data/pdf_hospital.ini", "tests/data/pdf_meshed.ini"])
    for site in sites:
        name = os.path.basename(site)[:-4]
        for lang in ("id", "en"):
            out = os.path.join(TMP, "%s-%s.pdf" % (name, lang))
            r = run("audit", site, "-o", out[:-4] + ".xlsx", "--no-xlsx", "--pdf", "--no-db",
                    "--lang", lang, "-q")
            check(r.returncode in (0, 1) and os.path.exists(out),
                  "%s (%s): no report (exit %d)" % (name, lang, r.returncode))
            if not os.path.exists(out):
                continue
            report_checks(out, name, lang)
            if lang == "id":
                diagram_checks(out, site, name)
    # the hospital: its diagram on a page turned sideways, then upright again
    hosp = os.path.join(TMP, "pdf_hospital-id.pdf")
    if os.path.exists(hosp):
        sizes = page_sizes(hosp)
        side = [k for k, (w, h) in enumerate(sizes) if float(w) > float(h)]
        pages = pages_text(hosp)
        check(len(side) == 1 and "Diagram satu garis" in pages[side[0]] and
              side[0] + 1 < len(sizes) and float(sizes[side[0] + 1][0]) < float(sizes[side[0] + 1][1]),
              "hospital: the diagram is not alone on one sideways page: %r" % sizes)
        again = os.path.join(TMP, "again.pdf")
        run("audit", "tests/data/pdf_hospital.ini", "-o", again[:-4] + ".xlsx", "--no-xlsx",
            "--pdf", "--no-db", "-q")
        check(open(again, "rb").read() == open(hosp, "rb").read(),
              "hospital: two runs give different PDFs")
    # the charts' axes (the factory: earthing, loading and insulation charts)
    for lang, want in (("id", ["Tahanan (\u03a9)", "Pembebanan (%)", "Tahanan isolasi (M\u03a9)",
                               "Jarak probe tegangan dari elektroda (m)", "61,8 %"]),
                       ("en", ["Resistance (\u03a9)", "Loading (%)",
                               "Insulation resistance (M\u03a9)", "61.8 %"])):
        pk = os.path.join(TMP, "pabrik-karawang-%s.pdf" % lang)
        t = " ".join(" ".join(pages_text(pk)).split()) if os.path.exists(pk) else ""
        for w in want:
            check(w in t, "pabrik-karawang (%s): the charts lack %r" % (lang, w))
    # what changed since the previous audit, from the history store
    db = os.path.join(TMP, "hist.db")
    first = os.path.join(TMP, "y1.pdf")
    second = os.path.join(TMP, "y2.pdf")
    r1 = run("audit", "examples/pabrik-karawang.ini", "-o", first[:-4] + ".xlsx", "--pdf",
             "--db", db, "-q")
    r2 = run("audit", "tests/data/history/karawang-2027.ini", "-o", second[:-4] + ".xlsx",
             "--pdf", "--db", db, "-q")
    check(os.path.exists(first) and os.path.exists(second),
          "history: the two audits wrote no report (exit %d, %d)" % (r1.returncode, r2.returncode))
    if os.path.exists(first) and os.path.exists(second):
        t1 = " ".join(" ".join(pages_text(first)).split())
        t2 = " ".join(" ".join(pages_text(second, "-layout")).split())
        check("Perubahan sejak riksa uji sebelumnya" not in t1,
              "history: the first audit reports changes")
        check("3.13 Perubahan sejak riksa uji sebelumnya" in t2 and
              "Dibanding riksa uji 2026-03-10" in t2,
              "history: the second audit's report lacks 3.13 with the previous date")
        # the table's cells in the order they are drawn (pdftotext -raw),
        # a name broken at its hyphen joined again
        raw = "\n".join(pages_text(second, "-raw"))
        sec = re.sub(r"(?<=\w)-\n", "-", raw[raw.find("3.13 Perubahan"):])
        ls = [" ".join(l.split()) for l in sec.split("\n")]
        for kind, elem in (("selesai", "E-BODY-PROD"), ("baru", "RCD-T-OFFICE"),
                           ("selesai", "RCD-T-LIGHT")):
            hit = any(l.startswith("temuan " + kind + " ") and elem in l for l in ls)
            check(hit, "history: 3.13 lacks %s %s" % (kind, elem))
    print("pdf_layout: %d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)


main()
