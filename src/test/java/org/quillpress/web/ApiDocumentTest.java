package org.quillpress.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** The OpenAPI document describes the JSON API alone, with the bearer token it really takes; Swagger UI shows it. */
@QuarkusTest
class ApiDocumentTest {

    private JsonPath document() {
        Response response = given().accept("application/json").get("/q/openapi?format=json");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.jsonPath();
    }

    @Test
    void everyPathIsPartOfTheJsonApi() {
        Map<String, Object> paths = document().getMap("paths");
        assertThat(paths).isNotEmpty().containsKeys("/api/v1/posts", "/api/v1/posts/{slug}/comments",
                "/api/v1/media", "/api/v1/moderation/comments");
        assertThat(paths.keySet()).allSatisfy(path -> assertThat(path).startsWith("/api/v1/"));
    }

    @Test
    void noPageOrTemplateTypeIsDescribedAsASchema() {
        Map<String, Object> schemas = document().getMap("components.schemas");
        assertThat(schemas == null ? Map.of() : schemas).doesNotContainKey("TemplateInstance");
        assertThat(schemas == null ? java.util.Set.<String> of() : schemas.keySet())
                .noneMatch(name -> name.contains("Template") || name.contains("Form")
                        || name.contains("RoutingContext"));
    }

    @Test
    void theSecuritySchemeIsTheBearerTokenFromTheAccountPage() {
        JsonPath doc = document();
        Map<String, Object> schemes = doc.getMap("components.securitySchemes");
        assertThat(schemes).containsOnlyKeys("apiToken");
        assertThat(doc.getString("components.securitySchemes.apiToken.type")).isEqualTo("http");
        assertThat(doc.getString("components.securitySchemes.apiToken.scheme")).isEqualTo("bearer");
        assertThat(doc.getString("components.securitySchemes.apiToken.description")).contains("/account");
        // writing needs the token; reading published posts and posting a guest comment do not
        assertThat(doc.getList("paths.'/api/v1/posts'.post.security.apiToken")).isNotNull();
        assertThat(doc.getList("paths.'/api/v1/media'.post.security")).isNotEmpty();
        assertThat((List<?>) doc.get("paths.'/api/v1/posts/{slug}/comments'.post.security")).isNull();
    }

    @Test
    void swaggerUiIsServedAndMayRunItsOwnScript() {
        Response ui = given().redirects().follow(true).get("/q/swagger-ui/");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.contentType()).startsWith("text/html");
        assertThat(ui.asString()).contains("/q/openapi");
    }
}
