package org.steward.platform.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String STORED = PasswordHasher.hash(PASSWORD.toCharArray());

    @Test
    void aHashMatchesItsPassword() {
        assertThat(PasswordHasher.matches(PASSWORD.toCharArray(), STORED)).isTrue();
    }

    @Test
    void theStoredFormNamesTheAlgorithmTheIterationsTheSaltAndTheHash() {
        String[] parts = STORED.split("\\$");
        assertThat(parts).hasSize(4);
        assertThat(parts[0]).isEqualTo("pbkdf2-sha256");
        assertThat(parts[1]).isEqualTo(String.valueOf(PasswordHasher.ITERATIONS));
        assertThat(Base64.getDecoder().decode(parts[2])).hasSize(16);
        assertThat(Base64.getDecoder().decode(parts[3])).hasSize(32);
        assertThat(STORED).doesNotContain(PASSWORD);
    }

    @Test
    void aWrongPasswordDoesNotMatch() {
        assertThat(PasswordHasher.matches("correct horse battery stapl".toCharArray(), STORED)).isFalse();
        assertThat(PasswordHasher.matches("Correct horse battery staple".toCharArray(), STORED)).isFalse();
        assertThat(PasswordHasher.matches(new char[0], STORED)).isFalse();
    }

    @Test
    void aTrailingNulDoesNotMatchThePasswordWithoutIt() {
        // HMAC zero-pads its key: without the explicit refusal, PBKDF2 gives both the same hash
        assertThat(PasswordHasher.matches((PASSWORD + "\0").toCharArray(), STORED)).isFalse();
        assertThat(PasswordHasher.matches((PASSWORD + "\0\0").toCharArray(), STORED)).isFalse();
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> PasswordHasher.hash("with\0nul".toCharArray()));
    }

    @Test
    void basicCredentialsWithControlCharactersAreNotWellFormed() {
        assertThat(BasicCredentials.wellFormed("admin", PASSWORD)).isTrue();
        assertThat(BasicCredentials.wellFormed("ad\0min", PASSWORD)).isFalse();
        assertThat(BasicCredentials.wellFormed("admin\n", PASSWORD)).isFalse();
        assertThat(BasicCredentials.wellFormed("admin", PASSWORD + "\0")).isFalse();
    }

    @Test
    void twoHashesOfTheSamePasswordDiffer() {
        String again = PasswordHasher.hash(PASSWORD.toCharArray());
        assertThat(again).isNotEqualTo(STORED);
        assertThat(again.split("\\$")[2]).isNotEqualTo(STORED.split("\\$")[2]);
        assertThat(PasswordHasher.matches(PASSWORD.toCharArray(), again)).isTrue();
    }

    @Test
    void theIterationCountIsTakenFromTheStoredString() throws Exception {
        byte[] salt = new byte[16];
        salt[0] = 7;
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(PASSWORD.toCharArray(), salt, 1000, 256)).getEncoded();
        String stored = "pbkdf2-sha256$1000$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(hash);

        assertThat(PasswordHasher.matches(PASSWORD.toCharArray(), stored)).isTrue();
        assertThat(PasswordHasher.matches(PASSWORD.toCharArray(), stored.replace("$1000$", "$1001$"))).isFalse();
        assertThat(PasswordHasher.matches(PASSWORD.toCharArray(), stored.replace("$1000$", "$600000$"))).isFalse();
    }

    @Test
    void aTamperedHashDoesNotMatch() {
        String[] parts = STORED.split("\\$");
        byte[] hash = Base64.getDecoder().decode(parts[3]);
        hash[0] ^= 1;
        String tampered = parts[0] + "$" + parts[1] + "$" + parts[2] + "$" + Base64.getEncoder().encodeToString(hash);
        assertThat(PasswordHasher.matches(PASSWORD.toCharArray(), tampered)).isFalse();
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        salt[0] ^= 1;
        String otherSalt = parts[0] + "$" + parts[1] + "$" + Base64.getEncoder().encodeToString(salt) + "$" + parts[3];
        assertThat(PasswordHasher.matches(PASSWORD.toCharArray(), otherSalt)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "$", "$$$", "garbage", "pbkdf2-sha256", "pbkdf2-sha256$600000$c2FsdA==",
            "pbkdf2-sha1$1000$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==", "pbkdf2-sha256$x$c2FsdA==$aGFzaA==",
            "pbkdf2-sha256$1000$!!!$aGFzaA==", "pbkdf2-sha256$1000$c2FsdA==$!!!", "pbkdf2-sha256$1000$$aGFzaA==",
            "pbkdf2-sha256$1000$c2FsdA==$", "pbkdf2-sha256$0$c2FsdA==$aGFzaA==", "pbkdf2-sha256$-5$c2FsdA==$aGFzaA==",
            "pbkdf2-sha256$1000$c2FsdA==$aGFzaA==$extra", "pbkdf2-sha256$99999999999$c2FsdA==$aGFzaA==",
            "pbkdf2-sha256$1000$c2FsdA==$aGFzaA=="})
    void garbageStoredStringsDoNotMatchAndDoNotThrow(String stored) {
        assertThat(PasswordHasher.matches(PASSWORD.toCharArray(), stored)).isFalse();
    }

    @Test
    void theDecoyHasTheFormAndCostOfARealHashAndMatchesNoPassword() {
        // matches() derives with the stored iterations, salt length and hash length: the same form costs the same
        String[] decoy = PasswordHasher.DECOY.split("\\$");
        String[] real = STORED.split("\\$");
        assertThat(decoy[0]).isEqualTo(real[0]);
        assertThat(decoy[1]).isEqualTo(real[1]);
        assertThat(Base64.getDecoder().decode(decoy[2])).hasSameSizeAs(Base64.getDecoder().decode(real[2]));
        assertThat(Base64.getDecoder().decode(decoy[3])).hasSameSizeAs(Base64.getDecoder().decode(real[3]));
        for (String password : new String[] {"", "decoy", PASSWORD, "admin"}) {
            assertThat(PasswordHasher.matches(password.toCharArray(), PasswordHasher.DECOY)).isFalse();
        }
    }

    @Test
    void aNullStoredStringDoesNotMatch() {
        assertThat(PasswordHasher.matches(PASSWORD.toCharArray(), null)).isFalse();
    }
}
