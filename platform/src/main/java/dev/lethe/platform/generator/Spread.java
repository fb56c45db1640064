package dev.lethe.platform.generator;

/**
 * How {@code total} child rows are spread over {@code groups} parent rows, with contiguous child
 * ids: the children of group {@code g} (1-based) are ids {@code first(g) .. first(g) + count(g) -
 * 1}.
 */
abstract class Spread {

  abstract long groups();

  /** The number of children before group {@code g}'s first one, for {@code g} in 1..groups+1. */
  abstract long before(long g);

  final long total() {
    return before(groups() + 1);
  }

  final long first(long g) {
    return before(g) + 1;
  }

  final long count(long g) {
    return before(g + 1) - before(g);
  }

  /** The group holding child {@code item} (1-based), by binary search. */
  final long groupOf(long item) {
    long low = 1;
    long high = groups();
    while (low < high) {
      long mid = (low + high + 1) >>> 1;
      if (before(mid) < item) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low;
  }

  /** {@code perGroup} children for every group. */
  static Spread fixed(long groups, long perGroup) {
    return new Spread() {
      @Override
      long groups() {
        return groups;
      }

      @Override
      long before(long g) {
        return (g - 1) * perGroup;
      }
    };
  }

  /**
   * At least {@code minimum} children per group and {@code total} in all, the rest spread evenly
   * with a deterministic jitter so groups differ in size.
   */
  static Spread even(long groups, long total, long minimum, Mix mix, long stream) {
    if (groups < 1 || total < groups * minimum) {
      throw new IllegalArgumentException(
          "cannot spread " + total + " over " + groups + " groups with " + minimum + " each");
    }
    long extra = total - groups * minimum;
    long jitter = extra / groups;
    return new Spread() {
      @Override
      long groups() {
        return groups;
      }

      @Override
      long before(long g) {
        long k = g - 1;
        long cumulative = k * minimum + extra * k / groups;
        if (k > 0 && k < groups && jitter > 0) {
          cumulative += mix.below(stream, k, 0, jitter);
        }
        return cumulative;
      }
    };
  }

  /** Explicit counts per group (groups are few: workspaces). */
  static Spread counts(int groups, java.util.function.IntToLongFunction count) {
    long[] before = new long[groups + 2];
    for (int g = 1; g <= groups; g++) {
      before[g + 1] = before[g] + count.applyAsLong(g);
    }
    return new Spread() {
      @Override
      long groups() {
        return groups;
      }

      @Override
      long before(long g) {
        return before[(int) g];
      }
    };
  }

  /**
   * At least one child per group, the groups' shares falling off like {@code 1 / g^0.9}: the first
   * groups are large, the tail is small. Keeps one cumulative count per group (groups are few).
   */
  static Spread skewed(int groups, long total) {
    if (groups < 1 || total < groups) {
      throw new IllegalArgumentException("cannot spread " + total + " over " + groups + " groups");
    }
    double[] weights = new double[groups];
    double sum = 0;
    for (int g = 0; g < groups; g++) {
      weights[g] = 1 / Math.pow(g + 1, 0.9);
      sum += weights[g];
    }
    long[] before = new long[groups + 2];
    long rest = total - groups;
    double cumulativeWeight = 0;
    for (int g = 1; g <= groups; g++) {
      before[g] = (g - 1) + Math.round(rest * cumulativeWeight / sum);
      cumulativeWeight += weights[g - 1];
    }
    before[groups + 1] = total;
    return new Spread() {
      @Override
      long groups() {
        return groups;
      }

      @Override
      long before(long g) {
        return before[(int) g];
      }
    };
  }
}
