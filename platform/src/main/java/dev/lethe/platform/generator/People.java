package dev.lethe.platform.generator;

import java.util.Locale;

/**
 * Realistic identities of a person, derived from a person number: the same number always gives the
 * same name, e-mail, phone and Telegram username, so one person can appear in several workspaces.
 */
final class People {

  private static final long STREAM = 71;

  private static final String[] FIRST_ID = {
    "Siti", "Budi", "Dewi", "Agus", "Putri", "Rizky", "Ayu", "Wayan", "Made", "Nyoman", "Fajar",
    "Indah", "Andi", "Rina", "Yusuf", "Lestari", "Bayu", "Nur", "Eka", "Kadek"
  };
  private static final String[] LAST_ID = {
    "Rahayu",
    "Santoso",
    "Wijaya",
    "Pratama",
    "Saputra",
    "Hidayat",
    "Kusuma",
    "Nugroho",
    "Setiawan",
    "Lestari",
    "Purnama",
    "Suryani",
    "Gunawan",
    "Halim",
    "Utami"
  };
  private static final String[] FIRST_IN = {
    "Aarav", "Priya", "Rahul", "Ananya", "Vikram", "Sneha", "Arjun", "Kavya", "Rohan", "Isha",
    "Aditya", "Meera"
  };
  private static final String[] LAST_IN = {
    "Sharma", "Patel", "Iyer", "Reddy", "Nair", "Gupta", "Singh", "Kumar", "Mehta", "Das"
  };
  private static final String[] FIRST_US = {
    "Emily", "James", "Olivia", "Michael", "Sophia", "Daniel", "Ava", "Ethan", "Mia", "Noah"
  };
  private static final String[] LAST_US = {
    "Johnson", "Williams", "Brown", "Garcia", "Miller", "Davis", "Martinez", "Lopez", "Wilson"
  };
  private static final String[] MAIL_ID = {"gmail.com", "yahoo.co.id", "gmail.com", "outlook.com"};
  private static final String[] MAIL_IN = {"gmail.com", "yahoo.in", "rediffmail.com", "gmail.com"};
  private static final String[] MAIL_US = {"gmail.com", "outlook.com", "icloud.com", "yahoo.com"};
  private static final String[] US_AREAS = {"415", "212", "646", "312", "512", "206", "305", "617"};

  private final Mix mix;

  People(Mix mix) {
    this.mix = mix;
  }

  /** 0 Indonesia (60%), 1 India (25%), 2 United States (15%). */
  private int country(long person) {
    int roll = mix.below(STREAM, person, 0, 100);
    return roll < 60 ? 0 : roll < 85 ? 1 : 2;
  }

  String firstName(long person) {
    return switch (country(person)) {
      case 0 -> mix.pick(STREAM, person, 1, FIRST_ID);
      case 1 -> mix.pick(STREAM, person, 1, FIRST_IN);
      default -> mix.pick(STREAM, person, 1, FIRST_US);
    };
  }

  String lastName(long person) {
    return switch (country(person)) {
      case 0 -> mix.pick(STREAM, person, 2, LAST_ID);
      case 1 -> mix.pick(STREAM, person, 2, LAST_IN);
      default -> mix.pick(STREAM, person, 2, LAST_US);
    };
  }

  String name(long person) {
    return firstName(person) + " " + lastName(person);
  }

  /**
   * A lower-case e-mail address. The local part ends with {@code number}, so addresses made with
   * different numbers never collide.
   */
  String email(long person, long number) {
    String[] domains =
        switch (country(person)) {
          case 0 -> MAIL_ID;
          case 1 -> MAIL_IN;
          default -> MAIL_US;
        };
    String separator = mix.percent(STREAM, person, 3, 50) ? "." : "";
    return (firstName(person)
            + separator
            + lastName(person)
            + number
            + "@"
            + mix.pick(STREAM, person, 4, domains))
        .toLowerCase(Locale.ROOT);
  }

  /** An E.164 mobile number of the person's country. */
  String phone(long person) {
    return switch (country(person)) {
      case 0 -> "+628" + (1 + mix.below(STREAM, person, 5, 3)) + mix.digits(STREAM, person, 6, 9);
      case 1 -> "+91" + (6 + mix.below(STREAM, person, 5, 4)) + mix.digits(STREAM, person, 6, 9);
      default ->
          "+1"
              + mix.pick(STREAM, person, 5, US_AREAS)
              + (2 + mix.below(STREAM, person, 7, 8))
              + mix.digits(STREAM, person, 6, 6);
    };
  }

  /** The WhatsApp id of a phone number: its digits without the plus. */
  static String waId(String phone) {
    return phone.substring(1);
  }

  /** A lower-case Telegram username without the leading {@code @}. */
  String telegram(long person) {
    return (firstName(person) + "_" + lastName(person) + mix.below(STREAM, person, 8, 100))
        .toLowerCase(Locale.ROOT);
  }

  String locale(long person) {
    return switch (country(person)) {
      case 0 -> "id-ID";
      case 1 -> "en-IN";
      default -> "en-US";
    };
  }

  String currency(long person) {
    return switch (country(person)) {
      case 0 -> "IDR";
      case 1 -> "INR";
      default -> "USD";
    };
  }

  String city(long person) {
    return switch (country(person)) {
      case 0 ->
          mix.pick(STREAM, person, 9, new String[] {"Jakarta", "Bandung", "Denpasar", "Surabaya"});
      case 1 -> mix.pick(STREAM, person, 9, new String[] {"Mumbai", "Bengaluru", "Pune", "Delhi"});
      default -> mix.pick(STREAM, person, 9, new String[] {"Austin", "Seattle", "Boston", "Miami"});
    };
  }

  String address(long person) {
    return "Jl. "
        + lastName(person)
        + " No. "
        + (1 + mix.below(STREAM, person, 10, 200))
        + ", "
        + city(person);
  }

  String ipAddress(long stream, long id) {
    long bits = mix.bits(stream, id, 77);
    return (36 + Math.floorMod(bits, 180))
        + "."
        + ((bits >>> 8) & 255)
        + "."
        + ((bits >>> 16) & 255)
        + "."
        + (1 + ((bits >>> 24) & 253));
  }
}
