import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Writes one CDS client's public JWKS (jwks.json) and, for each audience, N signed JWTs with that
 * audience (tokens-K.txt for the K-th one; one per line, each with its own jti), for the
 * authenticated load runs (auth.sh: one audience; spammer.sh: one per endpoint):
 * java -cp pcd.jar Tokens.java DIR N ES384|RS384 ISSUER AUDIENCE...
 */
public class Tokens {
  public static void main(String[] a) throws Exception {
    if (a.length < 5) {
      System.err.println(
          "usage: java -cp pcd.jar Tokens.java DIR N ES384|RS384 ISSUER AUDIENCE...");
      System.exit(2);
    }
    Path dir = Path.of(a[0]);
    int n = Integer.parseInt(a[1]);
    JWSAlgorithm alg = JWSAlgorithm.parse(a[2]);
    JWK key =
        alg.equals(JWSAlgorithm.ES384)
            ? new ECKeyGenerator(Curve.P_384).keyID("load").generate()
            : new RSAKeyGenerator(2048).keyID("load").generate();
    JWSSigner signer =
        alg.equals(JWSAlgorithm.ES384)
            ? new ECDSASigner(key.toECKey())
            : new RSASSASigner(key.toRSAKey());
    Files.writeString(dir.resolve("jwks.json"), new JWKSet(key.toPublicJWK()).toString());
    long now = System.currentTimeMillis();
    for (int k = 4; k < a.length; k++) {
      String audience = a[k];
      List<String> tokens =
          IntStream.range(0, n)
              .parallel()
              .mapToObj(i -> sign(signer, alg, a[3], audience, now))
              .toList();
      Files.write(dir.resolve("tokens-" + (k - 4) + ".txt"), tokens);
    }
  }

  private static String sign(
      JWSSigner signer, JWSAlgorithm alg, String issuer, String audience, long now) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(alg).keyID("load").build(),
              new JWTClaimsSet.Builder()
                  .issuer(issuer)
                  .subject("load-client")
                  .audience(audience)
                  .issueTime(new Date(now - 5_000))
                  .expirationTime(new Date(now + 30 * 60_000))
                  .jwtID(UUID.randomUUID().toString())
                  .build());
      jwt.sign(signer);
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
