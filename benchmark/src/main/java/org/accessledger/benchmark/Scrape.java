package org.accessledger.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Prometheus text scrape, read just enough for counters, gauges and histogram quantiles. */
final class Scrape {

    private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})?\\s+(\\S+)");
    private final List<String[]> samples = new ArrayList<>();

    Scrape(String text) {
        for (String line : text.split("\n")) {
            Matcher matcher = SAMPLE.matcher(line);
            if (!line.startsWith("#") && matcher.find()) {
                samples.add(new String[]{matcher.group(1), matcher.group(2) == null ? "" : matcher.group(2), matcher.group(3)});
            }
        }
    }

    /** The sum of every sample of {@code name} whose labels contain {@code labelFragment}. */
    double sum(String name, String labelFragment) {
        return samples.stream().filter(s -> s[0].equals(name) && s[1].contains(labelFragment))
                .mapToDouble(s -> Double.parseDouble(s[2])).sum();
    }

    /** Cumulative bucket counts of a histogram: upper bound → count. */
    TreeMap<Double, Double> buckets(String histogram, String labelFragment) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        for (String[] sample : samples) {
            if (sample[0].equals(histogram + "_bucket") && sample[1].contains(labelFragment)) {
                Matcher le = LE.matcher(sample[1]);
                if (le.find()) {
                    double bound = le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1));
                    buckets.merge(bound, Double.parseDouble(sample[2]), Double::sum);
                }
            }
        }
        return buckets;
    }

    /**
     * The {@code q} quantile of the observations made between two scrapes, interpolated within a bucket as Prometheus's
     * histogram_quantile does.
     */
    static double quantile(double q, TreeMap<Double, Double> before, TreeMap<Double, Double> after) {
        double total = after.lastEntry().getValue() - before.getOrDefault(after.lastKey(), 0.0);
        if (total <= 0) {
            return Double.NaN;
        }
        double rank = q * total;
        double lowerBound = 0;
        double lowerCount = 0;
        for (var bucket : after.entrySet()) {
            double count = bucket.getValue() - before.getOrDefault(bucket.getKey(), 0.0);
            if (count >= rank) {
                if (bucket.getKey().isInfinite()) {
                    return lowerBound;
                }
                return lowerBound + (bucket.getKey() - lowerBound) * ((rank - lowerCount) / Math.max(count - lowerCount, 1e-9));
            }
            lowerBound = bucket.getKey();
            lowerCount = count;
        }
        return lowerBound;
    }

    /** The upper bound of the highest non-empty bucket between two scrapes: an upper limit on the maximum. */
    static double maximumBound(TreeMap<Double, Double> before, TreeMap<Double, Double> after) {
        double previous = 0;
        double bound = Double.NaN;
        for (var bucket : after.entrySet()) {
            double count = bucket.getValue() - before.getOrDefault(bucket.getKey(), 0.0);
            if (count > previous) {
                bound = bucket.getKey();
            }
            previous = count;
        }
        return bound;
    }
}
