import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Writes one CDS client's public JWKS and, for each endpoint path, N ES384 JWTs with that
 * endpoint's URL as audience (one per line, each with its own jti) for the spammer load run:
 * java -cp pcd.jar MixedTokens.java DIR N ISSUER BASE PATH... (file tokens-K.txt for the K-th path)
 */
public class MixedTokens {
  public static void main(String[] a) throws Exception {
    Path dir = Path.of(a[0]);
    int n = Integer.parseInt(a[1]);
    ECKey key = new ECKeyGenerator(Curve.P_384).keyID("load").generate();
    JWSSigner signer = new ECDSASigner(key);
    Files.writeString(dir.resolve("jwks.json"), new JWKSet(key.toPublicJWK()).toString());
    long now = System.currentTimeMillis();
    for (int k = 4; k < a.length; k++) {
      String audience = a[3] + a[k];
      List<String> tokens =
          IntStream.range(0, n)
              .parallel()
              .mapToObj(i -> sign(signer, a[2], audience, now))
              .toList();
      Files.write(dir.resolve("tokens-" + (k - 4) + ".txt"), tokens);
    }
  }

  private static String sign(JWSSigner signer, String issuer, String audience, long now) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.ES384).keyID("load").build(),
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
