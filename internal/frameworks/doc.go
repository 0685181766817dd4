// Package frameworks holds the precision test of profilelint on real career
// frameworks: the profiles under testdata/frameworks, converted from public
// frameworks by scripts/frameworks, are linted with and without their
// configuration, and every error and warning is compared with the verdict a
// person gave it in testdata/frameworks/judged.tsv.
package frameworks
