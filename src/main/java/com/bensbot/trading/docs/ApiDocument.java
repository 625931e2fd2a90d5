package com.bensbot.trading.docs;

import com.bensbot.trading.http.ProblemType;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The OpenAPI 3 document of the main port, generated once from the JAX-RS resources, with the problem document
 * schema (every problem type of CONTRACT §4) as every operation's error answer and the credentials as security
 * schemes.
 */
public final class ApiDocument {
    static final String PROBLEM = "Problem";

    private ApiDocument() {
    }

    public static byte[] generate(Set<Class<?>> resources, String version) {
        OpenAPI base = new OpenAPI()
                .info(new Info().title("BensBot Trading Gateway").version(version)
                        .description("Gateway between trading bots and the Alpaca brokerage API: market data with a "
                                + "price cache, order submission behind layered safety checks, idempotency, rate "
                                + "limits, circuit breakers and an audit log. Errors are RFC 9457 problem documents."))
                .components(new Components()
                        .addSchemas(PROBLEM, problemSchema())
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-API-Key")
                                .description("Client key from API_KEYS (when configured)"))
                        .addSecuritySchemes("adminToken", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-Admin-Token")
                                .description("Admin credential; accepted wherever a client key is"))
                        .addSecuritySchemes("adminBearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("Admin credential as Authorization: Bearer")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"))
                .addSecurityItem(new SecurityRequirement().addList("adminToken"))
                .addSecurityItem(new SecurityRequirement().addList("adminBearer"));
        Reader reader = new Reader(new SwaggerConfiguration().openAPI(base).readAllResources(true)
                .prettyPrint(false));
        OpenAPI api = reader.read(resources);
        if (api.getPaths() != null) {
            api.getPaths().values().forEach(ApiDocument::addProblemAnswers);
        }
        try {
            return Json.mapper().writeValueAsString(api).getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("The OpenAPI document cannot be written", e);
        }
    }

    private static void addProblemAnswers(PathItem path) {
        for (Operation operation : path.readOperations()) {
            operation.getResponses().addApiResponse("default", new ApiResponse()
                    .description("An error, as a problem document; see the Problem schema for every type")
                    .content(new Content().addMediaType("application/problem+json",
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        List<String> types = new ArrayList<>();
        StringBuilder table = new StringBuilder("Problem types (type → status: title):\n");
        for (ProblemType type : ProblemType.values()) {
            types.add(type.uri());
            table.append("- ").append(type.uri()).append(" → ")
                    .append(type == ProblemType.BROKER_REJECTED ? "the broker's 4xx" : String.valueOf(type.status()))
                    .append(": ").append(type.title()).append('\n');
        }
        StringSchema type = new StringSchema();
        types.forEach(type::addEnumItem);
        Schema violation = new ObjectSchema()
                .addProperty("field", new StringSchema())
                .addProperty("message", new StringSchema());
        return new ObjectSchema()
                .description("RFC 9457 problem document. " + table)
                .addProperty("type", type)
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("errorId", new StringSchema().description("Quote it when reporting the error"))
                .addProperty("requestId", new StringSchema().description("The request's X-Request-ID"))
                .addProperty("violations", new ArraySchema().items(violation)
                        .description("Failed constraints, for malformed-request and validation-failed"))
                .required(List.of("type", "title", "status", "errorId", "requestId"));
    }
}
