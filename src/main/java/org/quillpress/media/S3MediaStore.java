package org.quillpress.media;

import java.net.URI;
import java.util.Optional;
import java.util.function.Consumer;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * An S3-compatible bucket (AWS S3, MinIO, Ceph, R2, S3Proxy…): every instance reads and writes the same
 * files. Objects are written whole by a single PUT, so a reader never sees half of one.
 */
class S3MediaStore implements MediaStore, AutoCloseable {

    private final S3Client s3;
    private final String bucket;

    S3MediaStore(MediaConfig.S3 config) {
        this.bucket = config.bucket()
                .orElseThrow(() -> new IllegalStateException("QUILLPRESS_MEDIA_S3_BUCKET is required for the s3 store"));
        var builder = S3Client.builder().httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(config.region()))
                .forcePathStyle(config.pathStyle())
                // checksums only where S3 requires them: the SDK's default trailing checksums (since 2.30) are
                // refused by many S3-compatible servers (older MinIO, Ceph, R2, S3Proxy)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        config.endpoint().ifPresent(endpoint -> builder.endpointOverride(URI.create(endpoint)));
        if (config.accessKey().isPresent() && config.secretKey().isPresent()) {
            builder.credentialsProvider(StaticCredentialsProvider
                    .create(AwsBasicCredentials.create(config.accessKey().get(), config.secretKey().get())));
        } else {
            // instance roles, AWS_* variables or ~/.aws: whatever the platform provides
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        this.s3 = builder.build();
    }

    @Override
    public void put(String name, byte[] bytes, String contentType) {
        s3.putObject(request -> request.bucket(bucket).key(name).contentType(contentType)
                .cacheControl(MediaFileRoute.CACHE_CONTROL), RequestBody.fromBytes(bytes));
    }

    @Override
    public Optional<Stored> get(String name) {
        try {
            ResponseInputStream<GetObjectResponse> in = s3.getObject(request -> request.bucket(bucket).key(name));
            return Optional.of(new Streamed(in, in.response().contentLength()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean local() {
        return false;
    }

    @Override
    public void delete(String name) {
        s3.deleteObject(request -> request.bucket(bucket).key(name));
    }

    @Override
    public void forEachFile(Consumer<Listed> action) {
        // a page of up to 1000 keys per request, fetched as the iteration goes
        s3.listObjectsV2Paginator(request -> request.bucket(bucket)).contents()
                .forEach(object -> action.accept(new Listed(object.key(), object.lastModified())));
    }

    @Override
    public void close() {
        s3.close();
    }
}
