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
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Writes a CDS client's public JWKS and N signed JWTs, one per line, each with its own jti, for an
 * authenticated load run: java -cp pcd.jar Tokens.java DIR N ES384|RS384 ISSUER AUDIENCE
 */
public class Tokens {
  public static void main(String[] a) throws Exception {
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
    String[] tokens =
        IntStream.range(0, n)
            .parallel()
            .mapToObj(
                i -> {
                  try {
                    SignedJWT jwt =
                        new SignedJWT(
                            new JWSHeader.Builder(alg).keyID("load").build(),
                            new JWTClaimsSet.Builder()
                                .issuer(a[3])
                                .subject("load-client")
                                .audience(a[4])
                                .issueTime(new Date(now - 5_000))
                                .expirationTime(new Date(now + 30 * 60_000))
                                .jwtID(UUID.randomUUID().toString())
                                .build());
                    jwt.sign(signer);
                    return jwt.serialize();
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                })
            .toArray(String[]::new);
    try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("tokens.txt"))) {
      for (String t : tokens) {
        w.write(t);
        w.newLine();
      }
    }
  }
}
