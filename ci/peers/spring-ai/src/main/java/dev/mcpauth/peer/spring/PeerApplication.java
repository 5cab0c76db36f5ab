package dev.mcpauth.peer.spring;

import static org.springaicommunity.mcp.security.server.config.McpServerOAuth2Configurer.mcpServerOAuth2;

import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.ai.tool.method.MethodToolCallbackProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The peer: an MCP server with two tools, secured the way the mcp-server-security README shows
 * (every request authenticated, the library's configurer naming the issuer, nothing else changed).
 * Tool-level scopes use Spring Security's method security, the usual Spring way.
 */
@SpringBootApplication
@EnableMethodSecurity
public class PeerApplication {

    public static void main(String[] args) {
        SpringApplication.run(PeerApplication.class, args);
    }

    /**
     * The defaults; with {@code peer.hardened=true} (PEER_HARDENED) also the library's two opt-ins:
     * the audience check and session binding. Nothing else differs.
     */
    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, @Value("${peer.issuer}") String issuer,
            @Value("${peer.hardened:false}") boolean hardened) throws Exception {
        return http.authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .with(mcpServerOAuth2(), mcp -> {
                    mcp.authorizationServer(issuer);
                    if (hardened) {
                        mcp.validateAudienceClaim(true).sessionBinding(Customizer.withDefaults());
                    }
                })
                .build();
    }

    @Bean
    ToolCallbackProvider toolCallbacks(PeerTools tools) {
        return MethodToolCallbackProvider.builder().toolObjects(tools).build();
    }
}
