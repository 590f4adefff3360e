#!/usr/bin/env Rscript
# The headline comparison of an UrbanSim run, read in R from the files `urbansim run` writes.
#
#   Rscript examples/r/headline.R [OUT_DIR] [--json] [--png FILE]
#
# OUT_DIR is a run's output folder (default out/reference). The script prints, for each variant, the mean
# healthy life expectancy (HLE), HLE gap, QALYs, NHS cost and homes built, and each variant's paired difference
# against the first (baseline) variant with its 95% confidence interval. It recomputes these numbers itself from
# replications.csv (one row per replication and variant) and stops with an error unless they equal
# summary.json's. It draws a chart to FILE (default OUT_DIR/headline-r.png). With --json it prints the numbers as
# JSON instead of a table. Needs only base R and jsonlite (Debian: r-base-core r-cran-jsonlite).

library(jsonlite)

# --- Command line -----------------------------------------------------------------------------------------------
args <- commandArgs(trailingOnly = TRUE)
as_json <- "--json" %in% args
args <- args[args != "--json"]
png_at <- match("--png", args)
png_file <- if (!is.na(png_at)) args[png_at + 1] else NA
if (!is.na(png_at)) args <- args[-c(png_at, png_at + 1)]
out_dir <- if (length(args) >= 1) args[1] else "out/reference"
if (is.na(png_file)) png_file <- file.path(out_dir, "headline-r.png")
if (!file.exists(file.path(out_dir, "replications.csv"))) {
  stop(out_dir, " holds no replications.csv: give the output folder of 'urbansim run' (e.g. out/reference)")
}

# The five headline outcomes, as columns of replications.csv, with short labels for the table and the chart.
headline <- c(hle_years = "HLE", hle_gap_years = "HLE gap", qalys = "QALYs",
              nhs_cost_gbp = "NHS cost", homes_built = "Homes built")

# --- Read the files as their data dictionary, columns.csv, describes them ------------------------------------------
# columns.csv has one row per column of every CSV file (and per value of their `outcome` columns), with its unit.
dictionary <- read.csv(file.path(out_dir, "columns.csv"), stringsAsFactors = FALSE)
replication_columns <- dictionary[dictionary$file == "replications.csv" & dictionary$kind == "column", ]
units <- setNames(replication_columns$unit, replication_columns$name)[names(headline)]
# Names are text; every documented numeric column is read as a number (an empty cell is NA).
col_classes <- ifelse(replication_columns$unit == "name", "character", "numeric")
names(col_classes) <- replication_columns$name
col_classes["seed"] <- "character"   # seeds can exceed 2^53: keep them exact, as text
replications <- read.csv(file.path(out_dir, "replications.csv"), colClasses = col_classes, check.names = FALSE)

timeseries <- read.csv(file.path(out_dir, "timeseries.csv"), stringsAsFactors = FALSE)

# summary.json keeps every bit; summary.csv (the same numbers, 8 significant figures) is read when it is absent.
if (file.exists(file.path(out_dir, "summary.json"))) {
  summary_json <- fromJSON(file.path(out_dir, "summary.json"), simplifyVector = FALSE)
  variants <- unlist(summary_json$variants)
  labels <- setNames(sapply(summary_json$variant_settings, function(v) v$label),
                     sapply(summary_json$variant_settings, function(v) v$name))
  as_number <- function(x) if (is.null(x)) NA_real_ else x   # JSON null (undefined) becomes NA
  reported <- do.call(rbind, lapply(variants, function(v) do.call(rbind, lapply(names(headline), function(o) {
    d <- if (v == variants[1]) list() else summary_json$paired_differences[[v]][[o]]
    data.frame(variant = v, outcome = o, mean = as_number(summary_json$outcomes[[v]][[o]]$mean),
               difference_mean = as_number(d$mean), difference_ci95_low = as_number(d$ci95_low),
               difference_ci95_high = as_number(d$ci95_high))
  }))))
  summary_file <- "summary.json"
} else {
  summary_csv <- read.csv(file.path(out_dir, "summary.csv"), stringsAsFactors = FALSE)
  variants <- unique(summary_csv$variant)
  labels <- setNames(summary_csv$variant_label, summary_csv$variant)[variants]
  reported <- summary_csv[summary_csv$outcome %in% names(headline),
                          c("variant", "outcome", "mean", "difference_mean", "difference_ci95_low", "difference_ci95_high")]
  summary_file <- "summary.csv"
}
baseline <- variants[1]

# --- Recompute the headline numbers from replications.csv ----------------------------------------------------------
# A variant's mean is the mean over replications. Its paired difference takes, replication by replication, the
# variant minus the baseline (both saw the same random draws), then the mean of those differences and its 95%
# interval, mean ± t(0.975, n - 1) × sd / √n, as summary.json does.
by_replication <- function(v) {   # the variant's rows, in replication order, so that rows of two variants pair up
  rows <- replications[replications$variant == v, ]
  rows[order(rows$replication), ]
}
recomputed <- do.call(rbind, lapply(variants, function(v) do.call(rbind, lapply(names(headline), function(o) {
  values <- by_replication(v)[[o]]
  row <- data.frame(variant = v, outcome = o, mean = mean(values),
                    difference_mean = NA_real_, difference_ci95_low = NA_real_, difference_ci95_high = NA_real_)
  if (v != baseline) {
    d <- values - by_replication(baseline)[[o]]
    n <- length(d)
    half <- if (n > 1) qt(0.975, df = n - 1) * sd(d) / sqrt(n) else NA_real_   # one replication: no interval
    row$difference_mean <- mean(d)
    row$difference_ci95_low <- mean(d) - half
    row$difference_ci95_high <- mean(d) + half
  }
  row
}))))

# The CSV keeps 8 significant figures, so the recomputed numbers agree with the summary's to within a millionth of
# the outcome's size (differences are measured against the size of the outcome, not of the difference).
reported <- reported[match(paste(recomputed$variant, recomputed$outcome), paste(reported$variant, reported$outcome)), ]
scale <- pmax(abs(recomputed$mean), 1)
agrees <- function(a, b) (is.na(a) & is.na(b)) | (!is.na(a) & !is.na(b) & abs(a - b) <= 1e-6 * scale)
numbers <- c("mean", "difference_mean", "difference_ci95_low", "difference_ci95_high")
mismatch <- !Reduce(`&`, lapply(numbers, function(k) agrees(recomputed[[k]], reported[[k]])))
if (any(mismatch)) {
  message(paste(capture.output(print(cbind(recomputed[mismatch, ], reported = reported[mismatch, numbers]))), collapse = "\n"))
  stop("the numbers recomputed from replications.csv differ from ", summary_file, "'s")
}

# --- The chart: HLE over the years (median and 90% band, from timeseries.csv) and the paired HLE differences ----------
colours <- c("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000")  # Okabe-Ito
png(png_file, width = 1200, height = 600, res = 110)
par(mfrow = c(1, 2))
hle <- timeseries[timeseries$outcome == "hle_years", ]
plot(range(hle$year), range(hle$p5, hle$p95), type = "n", xlab = "Year",
     ylab = paste0("Healthy life expectancy (", units[["hle_years"]], ")"), main = "HLE by year: median and 5th-95th percentile")
for (i in seq_along(variants)) {
  h <- hle[hle$variant == variants[i], ]
  polygon(c(h$year, rev(h$year)), c(h$p5, rev(h$p95)), col = adjustcolor(colours[i], 0.25), border = NA)
  lines(h$year, h$p50, col = colours[i], lwd = 2)
}
legend("topleft", legend = labels[variants], col = colours[seq_along(variants)], lwd = 2, bty = "n")
if (length(variants) > 1) {
  differences <- lapply(variants[-1], function(v) by_replication(v)$hle_years - by_replication(baseline)$hle_years)
  boxplot(differences, names = labels[variants[-1]], col = adjustcolor(colours[seq_along(differences) + 1], 0.5),
          ylab = paste0("HLE minus ", labels[[baseline]], " (", units[["hle_years"]], ")"),
          main = "Paired HLE difference, replication by replication",
          xlab = if (length(differences) == 1) labels[[variants[2]]] else "")
  abline(h = 0, lty = 2)
}
invisible(dev.off())

# --- Print the result: a table, or JSON with --json -----------------------------------------------------------------
if (as_json) {
  cat(toJSON(list(out_dir = out_dir, summary = summary_file, replications = length(unique(replications$replication)),
                  baseline = baseline, chart = png_file, agrees_with_summary = TRUE, outcomes = recomputed),
             auto_unbox = TRUE, digits = NA, na = "null", dataframe = "rows"), "\n")
  message("Chart: ", png_file)   # a message, so on stderr
} else {
  # Numbers to 4 significant figures with k, m, bn; differences with a sign.
  short <- function(x, sign = FALSE) {
    if (is.na(x)) return("–")
    div <- if (abs(x) >= 1e9) c(1e9, "bn") else if (abs(x) >= 1e6) c(1e6, "m") else if (abs(x) >= 1e4) c(1e3, "k") else c(1, "")
    paste0(if (sign && x >= 0) "+" else "", trimws(formatC(x / as.numeric(div[1]), digits = 4, format = "fg")), div[2])
  }
  pad <- function(text, width) paste0(text, strrep(" ", max(0, width - nchar(text))))   # nchar counts "£" as one
  # The outcome's label, with its unit from columns.csv unless the label says it already ("Homes built", "QALYs").
  outcome_label <- function(o) {
    if (grepl(units[[o]], headline[[o]], ignore.case = TRUE)) headline[[o]] else paste0(headline[[o]], " (", units[[o]], ")")
  }
  cat(sprintf("Headline outcomes in %s: means over %d replications; Δ = paired difference against %s, with its 95%% CI\n",
              out_dir, length(unique(replications$replication)), labels[[baseline]]))
  cat(pad("outcome", 20), " ", pad("variant", 22), " ", formatC("mean", width = 12), "   Δ (95% CI)\n", sep = "")
  for (i in order(match(recomputed$outcome, names(headline)))) {   # outcome by outcome, as the run's table
    r <- recomputed[i, ]
    difference <- if (r$variant == baseline) "" else
      sprintf("%s (%s, %s)", short(r$difference_mean, TRUE), short(r$difference_ci95_low, TRUE), short(r$difference_ci95_high, TRUE))
    line <- paste0(pad(outcome_label(r$outcome), 20), " ", pad(labels[[r$variant]], 22), " ", formatC(short(r$mean), width = 12), "   ", difference)
    cat(trimws(line, "right"), "\n", sep = "")
  }
  cat(sprintf("Recomputed from replications.csv, every mean and paired difference equals %s's\n(within a millionth of the outcome's size: the CSV files keep 8 significant figures).\n", summary_file))
  cat("Chart: ", png_file, "\n", sep = "")
}
