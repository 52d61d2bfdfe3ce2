#!/usr/bin/env bash
# Lighthouse 12.2.3 (runs on Node 20 with Debian's Chromium) on the home page, a report and the
# search page, mobile and desktop, against the built site served by scripts/serve.ts (gzip and the
# CSP header, as deployed). Not a CI gate: scores move with machine load; the byte budgets in
# tests/site/budgets.test.ts are the gate. Fetches lighthouse with npx on first use.
#
# Usage: npm run build && bash scripts/lighthouse.sh [dist-folder]
# Writes the full reports to bench/tmp/lighthouse/ (ignored by git), the scores to
# bench/lighthouse-scores.json, and prints a score table.
set -euo pipefail
cd "$(dirname "$0")/.."

DIST="${1:-dist}"
PORT="${PORT:-4329}"
OUT="bench/tmp/lighthouse"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
mkdir -p "$OUT"

# One process (not npx → tsx → node), so the trap below really stops the server.
node --import tsx scripts/serve.ts --root "$DIST" --port "$PORT" >/dev/null &
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
  curl -fs -o /dev/null "http://127.0.0.1:$PORT/" && break
  sleep 0.2
done

FLAGS="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --disable-background-networking --disable-component-update --disable-sync"
PAGES=("home /" "report /2025-zk/05/" "search /search/?q=%E7%A4%BE%E5%8C%BA")

for entry in "${PAGES[@]}"; do
  name="${entry%% *}"
  path="${entry#* }"
  for form in mobile desktop; do
    preset=()
    [ "$form" = desktop ] && preset=(--preset=desktop)
    npx -y lighthouse@12.2.3 "http://127.0.0.1:$PORT$path" "${preset[@]}" \
      --chrome-flags="$FLAGS" --only-categories=performance,accessibility,best-practices,seo \
      --output=json --output-path="$OUT/$name-$form.json" --quiet
  done
done

node -e '
const fs = require("fs");
const rows = [];
const scores = {};
for (const file of fs.readdirSync(process.argv[1]).filter((f) => f.endsWith(".json")).sort()) {
  const report = JSON.parse(fs.readFileSync(`${process.argv[1]}/${file}`, "utf8"));
  const score = (id) => Math.round(report.categories[id].score * 100);
  scores[file.replace(".json", "")] = { performance: score("performance"), accessibility: score("accessibility"), bestPractices: score("best-practices"), seo: score("seo") };
  rows.push(`| ${file.replace(".json", "").padEnd(15)} | ${[score("performance"), score("accessibility"), score("best-practices"), score("seo")].map((s) => String(s).padStart(3)).join(" | ")} |`);
}
console.log("| page / form     | perf | a11y | best | seo |");
console.log(rows.join("\n"));
fs.writeFileSync("bench/lighthouse-scores.json", JSON.stringify({ lighthouse: "12.2.3", date: new Date().toISOString(), scores }, null, 2) + "\n");
' "$OUT"
