#!/usr/bin/env Rscript
# Load a chipsim run folder in R and reproduce three headline numbers of summary.json from trials.csv: the
# mean of incremental revenue, P(delivered by the deadline) and the median ROI. Exits 1 when a number does not
# match, 2 on a bad argument. Base R only (jsonlite is used when installed; otherwise the three numbers are read
# from summary.json's fixed layout).
#
#   chipsim run scenarios/base.yaml --trials 20000 --out runs/base
#   Rscript examples/load_run.R runs/base

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1 || !dir.exists(args[1])) {
  message("usage: load_run.R RUN_FOLDER (a folder written by chipsim run --out, with summary.json and trials.csv)")
  quit(status = 2)
}
folder <- args[1]

# check.names = FALSE keeps the inputs' dotted names (economics.price_per_chip_usd) as written.
trials <- read.csv(file.path(folder, "trials.csv"), check.names = FALSE)
json_path <- file.path(folder, "summary.json")

summary_number <- function(metric, key) {
  if (requireNamespace("jsonlite", quietly = TRUE)) {
    s <- jsonlite::fromJSON(json_path, simplifyVector = FALSE)
    return(as.numeric(s$metrics[[metric]][[key]]))
  }
  text <- paste(readLines(json_path, warn = FALSE), collapse = "\n")
  # The metric's own object: from its key to the next closing brace at its indentation.
  start <- regexpr(sprintf('\n    "%s": \\{', metric), text)
  block <- substring(text, start, start + regexpr("\n    \\}", substring(text, start)))
  m <- regmatches(block, regexec(sprintf('"%s": (-?[0-9.eE+-]+)', key), block))[[1]]
  as.numeric(m[2])
}

inputs <- grep(".", names(trials), fixed = TRUE, value = TRUE)
cat(sprintf("%d trials; %d drawn inputs, e.g. %s\n", nrow(trials), length(inputs), paste(head(inputs, 3), collapse = ", ")))

# R's quantile type 7 is numpy's default linear interpolation, which chipsim reports.
ours <- c(
  mean(trials$incremental_revenue_cny_bn),
  mean(trials$delivered_by_deadline),
  unname(quantile(trials$roi, 0.5, na.rm = TRUE, type = 7))
)
theirs <- c(
  summary_number("incremental_revenue_cny_bn", "mean"),
  summary_number("delivered_by_deadline", "probability"),
  summary_number("roi", "p50")
)
names <- c("mean of incremental_revenue_cny_bn", "P(delivered_by_deadline)", "p50 of roi (trials with a purchase)")

# Sums in another order agree to ~1e-15 relative; R's decimal reader may differ from the written value in the last bit.
tolerance <- 1e-12
failed <- 0
for (i in seq_along(ours)) {
  ok <- is.finite(theirs[i]) && abs(ours[i] - theirs[i]) <= tolerance * max(1, abs(ours[i]), abs(theirs[i]))
  if (!ok) failed <- failed + 1
  cat(sprintf("%s %s: recomputed %.17g, summary.json %.17g\n", if (ok) "ok " else "MISMATCH", names[i], ours[i], theirs[i]))
}
quit(status = if (failed > 0) 1 else 0)
