#!/usr/bin/env bash
# Lists each failed test of the given .trx files with the first line of its message, so the last
# lines of a CI log say which tests failed and why.
awk '
  /<UnitTestResult / && /outcome="Failed"/ {
    match($0, /testName="[^"]*"/); name = substr($0, RSTART + 10, RLENGTH - 11)
    file = FILENAME; sub(/.*\//, "", file); sub(/\.trx$/, "", file)
    want = 1; next
  }
  want && /<Message>/ {
    line = $0; sub(/.*<Message>/, "", line); sub(/<\/Message>.*/, "", line)
    gsub(/&quot;/, "\"", line); gsub(/&apos;/, "'\''", line); gsub(/&lt;/, "<", line); gsub(/&gt;/, ">", line); gsub(/&amp;/, "\\&", line)
    printf "FAILED %s: %s: %s\n", file, name, substr(line, 1, 400)
    want = 0
  }
' "$@"
