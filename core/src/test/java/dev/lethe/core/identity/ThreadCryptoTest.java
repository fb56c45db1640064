package dev.lethe.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class ThreadCryptoTest {

  private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();

  @Test
  void sealed_text_opens_on_any_thread_and_only_with_its_secret() throws Exception {
    Sealer sealer = new Sealer(SECRET);
    List<String> plain = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      plain.add("person-" + i + "@example.com");
    }
    List<String> sealed;
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Future<String>> futures = new ArrayList<>();
      for (String p : plain) {
        futures.add(pool.submit(() -> sealer.seal(p)));
      }
      sealed = new ArrayList<>();
      for (Future<String> f : futures) {
        sealed.add(f.get());
      }
      List<Future<String>> opened = new ArrayList<>();
      for (String s : sealed) {
        opened.add(pool.submit(() -> sealer.open(s)));
      }
      for (int i = 0; i < plain.size(); i++) {
        assertThat(opened.get(i).get()).isEqualTo(plain.get(i));
      }
    }
    assertThat(sealed).doesNotHaveDuplicates();
    assertThat(sealer.seal("same")).isNotEqualTo(sealer.seal("same"));
    Sealer other = new Sealer("another secret of thirty-two b!!".getBytes());
    assertThatThrownBy(() -> other.open(sealed.getFirst()))
        .isInstanceOf(IllegalStateException.class);
    // a failed open leaves this thread's cipher usable
    assertThat(sealer.open(sealed.getFirst())).isEqualTo(plain.getFirst());
  }

  @Test
  void keyed_hashes_are_the_same_on_every_thread_and_match_a_fresh_hmac() throws Exception {
    KeyedHasher hasher = new KeyedHasher(SECRET);
    Mac fresh = Mac.getInstance("HmacSHA256");
    fresh.init(new SecretKeySpec(SECRET, "HmacSHA256"));
    fresh.update("identity".getBytes(StandardCharsets.UTF_8));
    fresh.update((byte) 0);
    String expected =
        HexFormat.of()
            .formatHex(fresh.doFinal("email:a@example.com".getBytes(StandardCharsets.UTF_8)));
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Future<String>> futures = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        // another key in between on the same threads must not leak into the next hash
        KeyedHasher other = new KeyedHasher("a different secret, 32 bytes....".getBytes());
        futures.add(pool.submit(() -> other.hex("x", "identity")));
        futures.add(pool.submit(() -> hasher.hex("email:a@example.com", "identity")));
      }
      for (int i = 1; i < futures.size(); i += 2) {
        assertThat(futures.get(i).get()).isEqualTo(expected);
      }
    }
  }

  @Test
  void sha256_hex_gives_the_standard_digests_however_often_a_thread_uses_it() {
    for (int i = 0; i < 3; i++) {
      assertThat(ThreadCrypto.sha256Hex(""))
          .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
      assertThat(ThreadCrypto.sha256Hex("abc"))
          .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
  }
}
