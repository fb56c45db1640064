package dev.lethe.server.demo;

import dev.lethe.core.meta.MetaApp;
import dev.lethe.server.config.LetheProperties;
import dev.lethe.server.console.FirstAdmin;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Prints, once the demo is up, the URLs to try and a {@code curl} of a signed Meta callback for a
 * Meta user of the sample platform. The sample is signed now, so it verifies for an hour.
 */
final class DemoBanner implements ApplicationListener<ApplicationReadyEvent> {

  private final DataSource host;
  private final MetaApp app;
  private final DemoApiKey apiKey;
  private final Environment environment;
  private final LetheProperties properties;
  private final FirstAdmin admin;

  DemoBanner(
      DataSource host,
      MetaApp app,
      DemoApiKey apiKey,
      Environment environment,
      LetheProperties properties,
      FirstAdmin admin) {
    this.admin = admin;
    this.host = host;
    this.app = app;
    this.apiKey = apiKey;
    this.environment = environment;
    this.properties = properties;
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    print(System.out);
  }

  void print(PrintStream out) {
    String base =
        properties
            .publicBaseUrl()
            .orElseGet(() -> "http://127.0.0.1:" + environment.getProperty("local.server.port"));
    out.println();
    out.println("Lethe demo is running at " + base + " (data under " + properties.dataDir() + ")");
    out.println("  health:      " + base + "/actuator/health");
    out.println("  metrics:     " + base + "/actuator/prometheus");
    out.println("  instructions: " + base + "/data-deletion");
    out.println("  request form: " + base + "/data-deletion/request");
    out.println("  status page: " + base + "/data-deletion/status?id=<confirmation code>");
    out.println("  REST API:    " + base + "/v1/requests  (OpenAPI: " + base + "/v1/openapi.yaml)");
    out.println("  mail sent:   " + base + "/v1/mail  (captured, not delivered)");
    out.println(
        "  console:     "
            + base
            + "/admin  (name '"
            + FirstAdmin.NAME
            + "', password "
            + admin.shownPassword().orElse("from " + FirstAdmin.PASSWORD_VARIABLE)
            + ")");
    out.println(
        "  API key"
            + (apiKey.generated()
                ? " (generated; set " + DemoConfiguration.API_KEY_VARIABLE + " to choose it)"
                : "")
            + ": "
            + apiKey.token());
    if (environment.getProperty(DemoConfiguration.APP_SECRET_VARIABLE, "").isBlank()) {
      out.println(
          "  Meta app '"
              + app.name()
              + "' secret (generated; set "
              + DemoConfiguration.APP_SECRET_VARIABLE
              + " to choose it): "
              + app.currentSecret());
    }
    sampleMetaUser()
        .ifPresent(
            user -> {
              long now = System.currentTimeMillis() / 1000;
              String payload =
                  "{\"algorithm\":\"HMAC-SHA256\",\"issued_at\":"
                      + now
                      + ",\"user_id\":\""
                      + user
                      + "\"}";
              out.println();
              out.println("Send a signed Meta data-deletion callback (valid for an hour):");
              out.println(
                  "  curl -s -X POST "
                      + base
                      + "/api/data-deletion --data-urlencode 'signed_request="
                      + MetaSigner.sign(payload, app.currentSecret())
                      + "'");
              out.println("then open the \"url\" it answers with.");
            });
    sampleContact()
        .ifPresent(
            contact -> {
              out.println();
              out.println(
                  "Ask, as the product's \"Delete contact\" button would, to erase an end customer:");
              out.println(
                  "  curl -s -X POST "
                      + base
                      + "/v1/requests -H 'Authorization: Bearer "
                      + apiKey.token()
                      + "' -H 'Content-Type: application/json' -d '{\"scope\":\"contact\","
                      + "\"workspace\":\""
                      + contact[0]
                      + "\",\"identities\":[{\"kind\":\"email\",\"value\":\""
                      + contact[1]
                      + "\"}],\"contact\":{\"email\":\""
                      + contact[1]
                      + "\",\"language\":\"en\"}}'");
            });
    out.println();
  }

  /** The workspace and e-mail of a contact of the sample data (generated, not a real person). */
  private Optional<String[]> sampleContact() {
    String sql = "select workspace_id, email from contacts where email is not null order by id";
    try (Connection connection = host.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      return rows.next()
          ? Optional.of(new String[] {rows.getString(1), rows.getString(2)})
          : Optional.empty();
    } catch (SQLException e) {
      return Optional.empty();
    }
  }

  /** A Meta user id of the sample data (generated, not a real person). */
  private Optional<String> sampleMetaUser() {
    String sql =
        "select connected_by_meta_user_id from channels"
            + " where connected_by_meta_user_id is not null order by id";
    try (Connection connection = host.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
    } catch (SQLException e) {
      return Optional.empty();
    }
  }
}
