#!/bin/sh
# Rebuilds src/main/resources/fonts/NotoSerifCJKsc-{Regular,Bold}-subset.ttf from Debian's fonts-noto-cjk.
#
# Why a subset: the full Simplified-Chinese face is ~25 MB and only ships inside a .ttc collection, which
# JasperReports/OpenPDF cannot load. We take the SC face out of the collection and keep what bulletins can
# print: all of GB2312 (6763 hanzi and its symbols), ASCII and Latin-1, general and CJK punctuation,
# full-width forms, plus every non-ASCII character of the templates, the catalogue, the bulletin code and
# extra-text.txt (place names outside GB2312 such as 滘). Outlines become TrueType (glyf): OpenPDF embeds
# CFF-based OpenType as a CIDFontType0C subset, which Adobe Reader refuses ("Cannot extract the embedded font",
# noto-fonts issue 1678) and which needed the CIDs renumbered to print at all; a TrueType subset is embedded as
# CIDFontType2, the kind every viewer (Adobe Reader, WPS, Foxit, browsers) and PDF/A validators accept.
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
from fontTools.ttLib import TTCollection, newTable
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
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

def to_truetype(face):
    # CFF cubic outlines -> glyf quadratic ones (fontTools' otf2ttf snippet): 1 font unit of error at most, far
    # below what prints; contours reversed because TrueType winds the other way round.
    order = face.getGlyphOrder()
    glyphs = face.getGlyphSet()
    glyf = face['glyf'] = newTable('glyf')
    face['loca'] = newTable('loca')
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    for tag in ('CFF ', 'VORG', 'GSUB', 'GPOS'):  # VORG is for CFF only; no layout features are kept
        if tag in face:
            del face[tag]
    glyf.compile(face)
    hmtx = face['hmtx']
    for name, glyph in glyf.glyphs.items():
        if hasattr(glyph, 'xMin'):
            hmtx[name] = (hmtx[name][0], glyph.xMin)
    maxp = face['maxp'] = newTable('maxp')
    maxp.tableVersion = 0x00010000
    for field in ('maxZones', 'maxTwilightPoints', 'maxStorage', 'maxFunctionDefs', 'maxInstructionDefs',
                  'maxStackElements', 'maxSizeOfInstructions', 'maxComponentElements'):
        setattr(maxp, field, 1 if field == 'maxZones' else 0)
    post = face['post']
    post.formatType = 3.0             # no glyph names: nothing reads them, and they would only add size
    face.sfntVersion = '\x00\x01\x00\x00'

for weight in ('Regular', 'Bold'):
    collection = TTCollection(f'{src}/NotoSerifCJK-{weight}.ttc')
    face = next(f for f in collection.fonts if f['name'].getDebugName(4) == f'Noto Serif CJK SC {weight}'.replace(' Regular', ''))
    options = subset.Options()
    options.name_IDs = ['*']          # keep copyright (0) and the OFL notice (13, 14)
    options.name_languages = ['*']
    options.layout_features = []      # neither JasperReports nor OpenPDF shapes CJK; alternates would double the size
    options.hinting = False           # PDFs and AWT layout do not use the hints
    options.desubroutinize = True     # OpenPDF re-subsets the font for every PDF; walking subroutines was most of that time
    options.notdef_outline = True     # a visible box, never an invisible gap, if a glyph is ever missing
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=chars)
    subsetter.subset(face)
    to_truetype(face)
    face.recalcTimestamp = False      # same input, same bytes: a rebuild shows no diff
    face.save(f'{out}/NotoSerifCJKsc-{weight}-subset.ttf')
    print(f'NotoSerifCJKsc-{weight}-subset.ttf: {len(face.getBestCmap())} characters')
PY

# The OFL travels with the font (condition 2 of the licence).
awk '/^License: SIL-1.1$/ { n++ } n == 2 && /^License: GPL/ { exit } n == 2 && !/^License:/' \
    /usr/share/doc/fonts-noto-cjk/copyright | sed 's/^ //; s/^\.$//' > "$out/OFL.txt.tmp"
{ echo "Noto Serif CJK SC: Copyright 2017-2022 Adobe (http://www.adobe.com/)."
  echo "The files NotoSerifCJKsc-*-subset.ttf are subsets made by report-templates/fonts/build-font.sh"
  echo "from Debian's fonts-noto-cjk; they remain under the SIL Open Font License 1.1 below."
  echo
  cat "$out/OFL.txt.tmp"; } > "$out/OFL.txt"
rm -f "$out/OFL.txt.tmp"
ls -l "$out"
