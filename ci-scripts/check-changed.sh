#!/usr/bin/env bash
# Check the articles a pull request adds, edits or renames against the record.
#
# Used by the GitHub Actions workflow of docs/ci.md, by the composite action (action.yml) and by
# the test suite (tests/test_check_changed.py), so all three run the same logic.
#
#   ci-scripts/check-changed.sh [--base REF] [--articles DIR] [--store FILE] [--baseline FILE]
#                               [--fail-on VALUE] [--out DIR] [--crosscheck CMD]
#
#   --base REF        the branch the pull request goes into (default: origin/$GITHUB_BASE_REF);
#                     the changed articles are those of `git diff REF...HEAD`
#   --articles DIR    the articles folder (default: articles); .txt, .md and .jsonl files below it
#   --store FILE      the record as a claim store (restored from a cache or artifact); when the
#                     file is missing it is built.  Without --store the record is DIR itself.
#   --baseline FILE   accepted discrepancies, read from the BASE branch (a pull request cannot
#                     accept its own conflicts); no baseline there yet is fine
#   --fail-on VALUE   passed to `crosscheck check` (hard, soft or never; default: crosscheck's)
#   --out DIR         where the results go (default: crosscheck-out): changed.txt (NUL-separated
#                     names), crosscheck.sarif, summary.md
#   --crosscheck CMD  the command to run (default: crosscheck)
#
# Prints GitHub annotations on stdout; appends summary.md to $GITHUB_STEP_SUMMARY and
# `count=N` / `sarif=PATH` to $GITHUB_OUTPUT when those are set.  Exit status: that of
# `crosscheck check` (0 clean, 1 new conflicts, 2 bad input), 0 when no article changed.
#
# File names may hold any character (Arabic, spaces, quotes, newlines): git prints them raw
# (core.quotePath=false) and NUL-separated (-z), and they travel in a bash array, never
# through word splitting.  The record is extracted once per run: `check` writes every output
# format from one analysis (--write).
set -euo pipefail

base="${GITHUB_BASE_REF:+origin/$GITHUB_BASE_REF}"
articles="articles"
store=""
baseline=""
fail_on=""
out="crosscheck-out"
crosscheck="crosscheck"

die() { echo "check-changed: $*" >&2; exit 2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --base) base="${2-}"; shift 2 ;;
    --articles) articles="${2-}"; shift 2 ;;
    --store) store="${2-}"; shift 2 ;;
    --baseline) baseline="${2-}"; shift 2 ;;
    --fail-on) fail_on="${2-}"; shift 2 ;;
    --out) out="${2-}"; shift 2 ;;
    --crosscheck) crosscheck="${2-}"; shift 2 ;;
    -h|--help) sed -n '2,30p' "$0"; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
done

[ -n "$base" ] || die "no base branch: give --base REF (or run on a pull_request event)"
git rev-parse --verify --quiet "$base^{commit}" >/dev/null \
  || die "base '$base' is not a commit here: fetch it first (actions/checkout with fetch-depth: 0)"
articles="${articles%/}"
[ -d "$articles" ] || die "$articles: no such articles folder"
mkdir -p "$out"

# The articles the pull request adds, copies, modifies or renames (new names), NUL-separated.
changed=()
while IFS= read -r -d '' name; do
  case "$name" in
    *.txt|*.md|*.jsonl|*.TXT|*.MD|*.JSONL) [ -f "$name" ] && changed+=("$name") ;;
  esac
done < <(git -c core.quotePath=false diff -z --name-only -M --diff-filter=ACMR \
           "$base...HEAD" -- "$articles/")
: > "$out/changed.txt"
for name in "${changed[@]+"${changed[@]}"}"; do printf '%s\0' "$name" >> "$out/changed.txt"; done
count=${#changed[@]}
if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "count=$count" >> "$GITHUB_OUTPUT"; fi
echo "check-changed: $count changed article(s) in $articles/ since $base" >&2
if [ "$count" -eq 0 ]; then
  printf '### crosscheck\n\nNo article in `%s/` changed.\n' "$articles" > "$out/summary.md"
  if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then cat "$out/summary.md" >> "$GITHUB_STEP_SUMMARY"; fi
  exit 0
fi

# The baseline as the base branch has it (none yet: every conflict is new).
baseline_args=()
if [ -n "$baseline" ]; then
  if git cat-file -e "$base:$baseline" 2>/dev/null; then
    git show "$base:$baseline" > "$out/baseline.json"
    baseline_args=(--baseline "$out/baseline.json")
  else
    echo "check-changed: no $baseline on $base yet: every conflict counts as new" >&2
  fi
fi

# The record.  With a claim store (restored from the last run): brought up to the base
# branch's articles, extracting only those that changed since it was built (the rest are
# skipped by their hash); a missing store is built here.  Without one: the articles folder.
record_args=(--against "$articles/")
if [ -n "$store" ]; then
  work="$(mktemp -d)"
  trap 'git worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
  git worktree add -q --detach "$work/base" "$base"
  if [ -d "$work/base/$articles" ]; then
    [ -f "$store" ] || echo "check-changed: $store not found: building it from $base" >&2
    "$crosscheck" ingest "$work/base/$articles/" --store "$store" -q >&2
  else
    echo "check-changed: no $articles/ on $base yet: the record is empty" >&2
  fi
  if [ -f "$store" ]; then record_args=(--store "$store"); fi
fi

fail_args=()
if [ -n "$fail_on" ]; then fail_args=(--fail-on "$fail_on"); fi
status=0
"$crosscheck" check "${changed[@]}" "${record_args[@]}" "${baseline_args[@]+"${baseline_args[@]}"}" \
  "${fail_args[@]+"${fail_args[@]}"}" --format github \
  --write "sarif:$out/crosscheck.sarif" --write "md:$out/summary.md" || status=$?
if [ "$status" -ge 2 ]; then
  exit "$status"
fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "sarif=$out/crosscheck.sarif" >> "$GITHUB_OUTPUT"; fi
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then cat "$out/summary.md" >> "$GITHUB_STEP_SUMMARY"; fi
exit "$status"
