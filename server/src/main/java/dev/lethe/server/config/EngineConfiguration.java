package dev.lethe.server.config;

import dev.lethe.core.Lethe;
import dev.lethe.core.apikey.ApiKeys;
import dev.lethe.core.apikey.Permission;
import dev.lethe.core.datamap.DataMap;
import dev.lethe.core.datamap.DataMapLoader;
import dev.lethe.core.execute.ExecutionOptions;
import dev.lethe.core.files.FileStore;
import dev.lethe.core.files.LocalDirectoryFileStore;
import dev.lethe.core.files.NoFileStore;
import dev.lethe.core.hold.Holds;
import dev.lethe.core.identity.KeyedHasher;
import dev.lethe.core.identity.Sealer;
import dev.lethe.core.ledger.Ledger;
import dev.lethe.core.request.RequestStore;
import dev.lethe.core.schema.Vendor;
import dev.lethe.platform.ReferencePlatform;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the core: databases, the engine over the host, the request lifecycle over Lethe's own. */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  Databases databases(LetheProperties properties) {
    var state = JdbcPools.open("state", properties.state());
    var host = JdbcPools.open("host", properties.host().database());
    return new Databases(state, Vendor.ofUrl(state.getJdbcUrl()), host);
  }

  /** The service's own tables: db-scheduler's and the console's operators. */
  @Bean
  ServerTables serverTables(Databases databases) {
    return ServerTables.migrate(databases);
  }

  @Bean
  RequestStore requestStore(Databases databases) {
    return RequestStore.open(databases.state(), databases.stateVendor());
  }

  /** The hash-chained ledger of receipts, in Lethe's own database. */
  @Bean
  Ledger ledger(Databases databases, Clock clock) {
    return Ledger.open(databases.state(), databases.stateVendor(), clock);
  }

  @Bean
  Lethe lethe(
      LetheProperties properties,
      Databases databases,
      Clock clock,
      ObjectProvider<HostPreparation> preparations) {
    preparations.orderedStream().forEach(p -> p.prepare(databases.host()));
    return Lethe.open(
        new Lethe.Config(
            databases.host(),
            dataMap(properties.host()),
            fileStore(properties.host()),
            clock,
            Optional.of(secret(properties)),
            ExecutionOptions.defaults()));
  }

  /** Legal holds, in Lethe's own database. */
  @Bean
  Holds holds(Databases databases, Clock clock, KeyedHasher hasher) {
    return Holds.open(databases.state(), databases.stateVendor(), clock, hasher);
  }

  /** The REST API's keys, in Lethe's own database, with the configured key registered. */
  @Bean
  ApiKeys apiKeys(
      Databases databases, Clock clock, KeyedHasher hasher, LetheProperties properties) {
    ApiKeys keys = ApiKeys.open(databases.state(), databases.stateVendor(), clock, hasher);
    properties
        .api()
        .key()
        .filter(k -> !k.isBlank())
        .ifPresent(
            token ->
                keys.register(
                    token.strip(),
                    "configured",
                    EnumSet.allOf(Permission.class),
                    Optional.empty()));
    return keys;
  }

  /** Keys identity hashes, idempotency keys, API key and verification hashes. */
  @Bean
  KeyedHasher keyedHasher(LetheProperties properties) {
    return new KeyedHasher(secret(properties));
  }

  /** Seals identities and contact addresses of open requests. */
  @Bean
  Sealer sealer(LetheProperties properties) {
    return new Sealer(secret(properties));
  }

  private static byte[] secret(LetheProperties properties) {
    return InstallationSecret.resolve(properties.secret(), properties.dataDir());
  }

  private static DataMap dataMap(LetheProperties.Host host) {
    return host.datamapFile()
        .map(DataMapLoader::load)
        .orElseGet(
            () ->
                DataMapLoader.load(
                    ReferencePlatform.dataMapResource(), ReferencePlatform.dataMapText()));
  }

  /** Without a files directory, file deletions stay pending and such runs cannot complete. */
  private static FileStore fileStore(LetheProperties.Host host) {
    return host.filesDirectory()
        .<FileStore>map(LocalDirectoryFileStore::new)
        .orElseGet(NoFileStore::new);
  }
}
