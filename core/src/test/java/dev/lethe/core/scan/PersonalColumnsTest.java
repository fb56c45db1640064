package dev.lethe.core.scan;

import static dev.lethe.core.scan.Columns.column;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonalColumnsTest {

  @ParameterizedTest(name = "{0}.{1} ({2}) looks like {3}")
  @CsvSource({
    "contacts, email, text, EMAIL",
    "orders, billing_email_address, text, EMAIL",
    "leads, phone_number, text, PHONE",
    "contacts, mobile, bigint, PHONE",
    "contacts, wa_id, text, WHATSAPP_ID",
    "messages, sender_psid, text, PAGE_SCOPED_ID",
    "contacts, igsid, text, INSTAGRAM_SCOPED_ID",
    "admins, meta_user_id, text, META_USER_ID",
    "contacts, telegram_username, text, TELEGRAM",
    "subscribers, telegram_chat_id, bigint, PLATFORM_USER_ID",
    "users, current_sign_in_ip, text, NETWORK",
    "sessions, ip_address, text, NETWORK",
    "customers, shipping_address, text, ADDRESS",
    "customers, postal_code, text, ADDRESS",
    "contacts, date_of_birth, date, BIRTH",
    "users, encrypted_password, text, SECRET",
    "channels, access_token, text, SECRET",
    "integrations, api_key, text, SECRET",
    "customers, national_id, text, GOVERNMENT_ID",
    "customers, passport_number, text, GOVERNMENT_ID",
    "users, name, text, NAME",
    "bot_users, name, text, NAME",
    "team_members, display_name, text, NAME",
    "contacts, firstName, text, NAME",
    "orders, customer_name, text, NAME",
    "comments, author_name, text, NAME",
    "messages, body, text, FREE_TEXT",
    "ai_logs, prompt, text, FREE_TEXT",
    "ai_logs, response, text, FREE_TEXT",
    "conversations, last_message, text, FREE_TEXT",
    "contacts, notes, text, FREE_TEXT",
    "contacts, description, text, FREE_TEXT",
    "contacts, custom_fields, json, ATTRIBUTE_BAG",
    "webhook_events, payload, json, ATTRIBUTE_BAG",
    "messages, metadata, text, ATTRIBUTE_BAG",
    "attachments, storage_key, text, FILE",
    "messages, attachment, text, FILE",
    "contacts, avatar_url, text, UPLOAD_URL",
    "check_ins, latitude, text, LOCATION",
    "profiles, gender, text, GENDER",
  })
  void flags_personal_looking_columns(String table, String name, String type, String category) {
    assertThat(PersonalColumns.classify(table, column(name, type)))
        .contains(PersonalCategory.valueOf(category));
  }

  @ParameterizedTest(name = "{0}.{1} ({2}) is not personal")
  @CsvSource({
    "templates, name, text",
    "flows, name, text",
    "bots, name, text",
    "workspaces, name, text",
    "bots, display_name, text",
    "companies, legal_name, text",
    "attachments, file_name, text",
    "templates, body, text",
    "canned_responses, content, text",
    "flows, data, json",
    "bots, avatar_url, text",
    "products, description, text",
    "users, email_verified, boolean",
    "contacts, email_verified_at, timestamp",
    "users, is_mobile, boolean",
    "ai_logs, prompt_tokens, bigint",
    "jobs, error_message, text",
    "deliveries, status_message, text",
    "messages, content_type, text",
    "messages, message_id, text",
    "attachments, file_size, bigint",
    "retention_rules, max_age, text",
    "contacts, created_at, timestamp",
    "order_lines, line_id, bigint",
    "contacts, external_id, text",
    "contacts, status, text",
  })
  void leaves_things_and_bookkeeping_alone(String table, String name, String type) {
    assertThat(PersonalColumns.classify(table, column(name, type))).isEmpty();
  }

  @ParameterizedTest(name = "{0} is about people")
  @CsvSource({"users", "bot_users", "crm_contact", "team_members", "people", "Customers"})
  void recognizes_tables_about_people(String table) {
    assertThat(PersonalColumns.isAboutPeople(table)).isTrue();
  }

  @ParameterizedTest(name = "{0} is not about people")
  @CsvSource({"templates", "user_settings", "account_plans", "workspaces", "messages"})
  void does_not_take_other_tables_for_people(String table) {
    assertThat(PersonalColumns.isAboutPeople(table)).isFalse();
  }
}
