#!/bin/sh
# Rebuilds src/main/resources/fonts/NotoSerifCJKsc-{Regular,Bold}-subset.otf from Debian's fonts-noto-cjk.
#
# Why a subset: the full Simplified-Chinese face is ~25 MB and only ships inside a .ttc collection, which
# JasperReports/OpenPDF cannot load. We take the SC face out of the collection and keep what bulletins can
# print: all of GB2312 (6763 hanzi and its symbols), ASCII and Latin-1, general and CJK punctuation,
# full-width forms, plus every non-ASCII character of the templates, the catalogue, the bulletin code and
# extra-text.txt (place names outside GB2312 such as 滘). Outlines stay CFF: OpenPDF embeds and subsets
# CFF-based OpenType as CIDFontType0C, but it writes each glyph's index as its CID, so the subset has its
# CIDs renumbered to the subset's glyph indices: left as Noto's, CJK glyphs print as blanks in every viewer.
#
# Needs: apt-get install -y fonts-noto-cjk python3-fonttools   (PyPI not required)
# Run from anywhere:  report-templates/fonts/build-font.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
out="$repo/src/main/resources/fonts"
src=/usr/share/fonts/opentype/noto
mkdir -p "$out"

# The application's own texts: template labels (not XML comments), string literals of the catalogue, the
# metric names and the bulletin code (not Java comments), and extra-text.txt. A new label with a character
# outside GB2312 means: run again (FontCheckTest says so).
/usr/bin/python3 - "$src" "$out" "$repo" <<'PY'
import glob, re, sys
from fontTools.ttLib import TTCollection
from fontTools import subset

src, out, repo = sys.argv[1:4]
texts = [open(f'{repo}/report-templates/fonts/extra-text.txt', encoding='utf-8').read()]
for path in glob.glob(f'{repo}/report-templates/**/*.jrxml', recursive=True):
    texts.append(re.sub(r'<!--.*?-->', '', open(path, encoding='utf-8').read(), flags=re.S))
java = [f'{repo}/src/main/java/org/fraudstats/catalog/Catalog.java', f'{repo}/src/main/java/org/fraudstats/metrics/Metric.java']
java += glob.glob(f'{repo}/src/main/java/org/fraudstats/bulletin/**/*.java', recursive=True)
for path in java:
    texts += re.findall(r'"((?:[^"\\\n]|\\.)*)"', open(path, encoding='utf-8').read())

chars = set(range(0x20, 0x7F)) | set(range(0xA0, 0x100))
chars |= set(range(0x2000, 0x2070)) | set(range(0x3000, 0x3040)) | set(range(0xFF00, 0xFFF0))
for hi in range(0xA1, 0xF8):          # every GB2312 code point: symbols (rows 1-9) and both hanzi levels
    for lo in range(0xA1, 0xFF):
        try:
            chars.add(ord(bytes([hi, lo]).decode('gb2312')))
        except UnicodeDecodeError:
            pass
chars |= {ord(c) for text in texts for c in text if ord(c) > 0x7F}

def renumber_cids(face):
    # OpenPDF writes a glyph's index as its CID; a viewer finds the outline through the CFF charset (CID -> GID).
    # The subset keeps Noto's CIDs but renumbers the glyphs, so make every CID equal its new glyph index.
    order = face.getGlyphOrder()
    new = {g: (g if i == 0 else 'cid%05d' % i) for i, g in enumerate(order)}
    cmap = face['cmap']
    cmap.tables = [t for t in cmap.tables if t.format != 14]  # variation selectors: unused, and they name glyphs
    for table in cmap.tables:
        table.cmap = {u: new[g] for u, g in table.cmap.items()}
    for tag in ('hmtx', 'vmtx'):
        face[tag].metrics = {new[g]: m for g, m in face[tag].metrics.items()}
    vorg = face['VORG']
    vorg.VOriginRecords = {new[g]: y for g, y in vorg.VOriginRecords.items()}
    top = face['CFF '].cff.topDictIndex[0]
    top.charset = [new[g] for g in top.charset]
    top.CharStrings.charStrings = {new[g]: i for g, i in top.CharStrings.charStrings.items()}
    for tag in ('GSUB', 'GPOS'):  # empty after subsetting without layout features, and they name glyphs
        if tag in face:
            del face[tag]
    face.setGlyphOrder([new[g] for g in order])

for weight in ('Regular', 'Bold'):
    collection = TTCollection(f'{src}/NotoSerifCJK-{weight}.ttc')
    face = next(f for f in collection.fonts if f['name'].getDebugName(4) == f'Noto Serif CJK SC {weight}'.replace(' Regular', ''))
    options = subset.Options()
    options.name_IDs = ['*']          # keep copyright (0) and the OFL notice (13, 14)
    options.name_languages = ['*']
    options.layout_features = []      # neither JasperReports nor OpenPDF shapes CJK; alternates would double the size
    options.hinting = False           # PDFs and AWT layout do not use CFF hints
    options.desubroutinize = True     # OpenPDF re-subsets the font for every PDF; walking subroutines was most of that time
    options.notdef_outline = True     # a visible box, never an invisible gap, if a glyph is ever missing
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=chars)
    subsetter.subset(face)
    renumber_cids(face)
    face.recalcTimestamp = False      # same input, same bytes: a rebuild shows no diff
    face.save(f'{out}/NotoSerifCJKsc-{weight}-subset.otf')
    print(f'NotoSerifCJKsc-{weight}-subset.otf: {len(face.getBestCmap())} characters')
PY

# The OFL travels with the font (condition 2 of the licence).
awk '/^License: SIL-1.1$/ { n++ } n == 2 && /^License: GPL/ { exit } n == 2 && !/^License:/' \
    /usr/share/doc/fonts-noto-cjk/copyright | sed 's/^ //; s/^\.$//' > "$out/OFL.txt.tmp"
{ echo "Noto Serif CJK SC: Copyright 2017-2022 Adobe (http://www.adobe.com/)."
  echo "The files NotoSerifCJKsc-*-subset.otf are subsets made by report-templates/fonts/build-font.sh"
  echo "from Debian's fonts-noto-cjk; they remain under the SIL Open Font License 1.1 below."
  echo
  cat "$out/OFL.txt.tmp"; } > "$out/OFL.txt"
rm -f "$out/OFL.txt.tmp"
ls -l "$out"
