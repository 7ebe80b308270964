#!/bin/sh
# Makes kazakh-romanisations.tsv from kazakh-names.txt with ICU's transforms (uconv, from
# Debian's icu-devtools): each name in Kazakh-Latin/BGN, the same with Latin-ASCII (the
# form without diacritics), and Russian-Latin/BGN (which romanises the letters Russian
# shares and leaves Kazakh's own ә ғ қ ң ө ұ ү һ і as they are). Run from this folder:
#   sh make-kazakh-romanisations.sh > kazakh-romanisations.tsv
set -eu
echo "# Made by: sh make-kazakh-romanisations.sh > kazakh-romanisations.tsv ($(uconv --version | head -n 1))"
echo "# CYRILLIC<TAB>SCHEME<TAB>LATIN"
grep -v '^#' kazakh-names.txt | while IFS= read -r name; do
    for scheme in "Kazakh-Latin/BGN" "Kazakh-Latin/BGN; Latin-ASCII" "Russian-Latin/BGN"; do
        latin=$(printf '%s\n' "$name" | uconv -x "$scheme")
        printf '%s\t%s\t%s\n' "$name" "$scheme" "$latin"
    done
done
