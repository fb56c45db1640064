package dev.lethe.platform.generator;

/** Word lists for the free-text columns: nothing in them identifies anyone. */
final class Texts {

  private Texts() {}

  static final String[] INBOUND = {
    "Halo kak, ready stok?",
    "Berapa ongkir ke Bandung?",
    "Hi, is this still available?",
    "Can I change my order to size L?",
    "Kak, pesanan saya belum sampai",
    "What are your opening hours?",
    "Mau order 2 ya kak",
    "Thanks! Received it today.",
    "Bisa COD?",
    "Do you ship to Mumbai?",
    "Please send the invoice again",
    "Ok noted, terima kasih"
  };

  static final String[] OUTBOUND = {
    "Halo kak! Stok ready, mau order berapa?",
    "Ongkir ke kota kakak Rp18.000 ya.",
    "Yes, it is available. Shall I reserve one for you?",
    "Your order has been updated.",
    "Mohon maaf atas keterlambatannya, kami cek dulu ya kak.",
    "We are open 9am to 9pm every day.",
    "Siap kak, total Rp250.000. Transfer ke BCA ya.",
    "Great to hear! Let us know if you need anything else.",
    "Bisa kak, COD tersedia untuk Jabodetabek.",
    "We ship across India within 5 working days.",
    "Invoice sent to your e-mail.",
    "Sama-sama kak!"
  };

  static final String[] BUSINESS_KINDS = {
    "Batik", "Coffee", "Fashion", "Skincare", "Bakery", "Electronics", "Florist", "Pet Shop"
  };
  static final String[] LABELS = {"vip", "reseller", "new", "complaint", "wholesale", "follow-up"};
  static final String[] LIFECYCLES = {"lead", "prospect", "customer", "churned"};
  static final String[] SOURCES = {"ig_ad", "ctwa_ad", "organic", "referral", "website"};
  static final String[] PRODUCTS = {
    "Kemeja Batik",
    "Kopi Gayo 250g",
    "Serum Vitamin C",
    "Roti Sobek",
    "Power Bank 10000mAh",
    "Buket Mawar",
    "Cat Food 1kg",
    "Kaos Polos"
  };
  static final String[] MODELS = {
    "gpt-4o-mini", "claude-haiku-4-5", "gpt-4.1", "claude-sonnet-4-5"
  };
  static final String[] MEMORY_KEYS = {
    "preferred_size", "favorite_product", "delivery_note", "birthday_month", "skin_type"
  };
  static final String[] MEMORY_VALUES = {"L", "Kopi Gayo", "leave at the gate", "March", "oily"};
  static final String[] NOTES = {
    "Asked for a discount on bulk orders.",
    "Prefers to be contacted after 5pm.",
    "Complained about late delivery, refunded shipping.",
    "Interested in becoming a reseller.",
    "Repeat customer, send new catalogue."
  };
  static final String[] AUDIT_ACTIONS = {
    "login", "bot.update", "contact.export", "member.invite", "channel.connect", "broadcast.send"
  };
  static final String[] NOTIFICATION_KINDS = {
    "new_conversation", "handover_requested", "credits_low", "broadcast_finished"
  };
  static final String[] PLANS = {"starter", "growth", "business"};
  static final String[] MIME_TYPES = {"image/jpeg", "image/png", "audio/ogg", "application/pdf"};
  static final String[] EXTENSIONS = {"jpg", "png", "ogg", "pdf"};
}
