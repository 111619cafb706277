#!/bin/sh
# Subsets the four Fira Sans weights the UI uses (400, 500, 600, 700; no italics: KERN sets none) to
# the Latin script (Latin-1, Latin Extended-A and the Romanian/Turkish letters of names, punctuation,
# arrows, €, §) and writes them to src/web/fonts/, where src/web/fonts/fonts.css declares them.
# Characters outside come from the fallback fonts (unicode-range). Run after updating @kern-ux/native.
# Needs fontTools with brotli (Debian: apt-get install fonttools python3-brotli).
set -eu
cd "$(dirname "$0")/.."
SRC=node_modules/@kern-ux/native/dist/fonts/fira-sans
RANGE="U+0000-017F,U+0218-021B,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0300-0308,U+1E9E,U+2000-206F,U+20AC,U+2122,U+2190-2193,U+2212,U+2215,U+FEFF,U+FFFD"
for w in Regular Medium SemiBold Bold; do
  pyftsubset "$SRC/FiraSans-$w.woff2" --unicodes="$RANGE" --flavor=woff2 \
    --output-file="src/web/fonts/FiraSans-$w-latin.woff2"
done
ls -l src/web/fonts/*.woff2
