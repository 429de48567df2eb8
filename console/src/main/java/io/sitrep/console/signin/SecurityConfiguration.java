package io.sitrep.console.signin;

import io.sitrep.console.account.Accounts;
import io.sitrep.console.account.Role;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

import java.time.Clock;

/**
 * Who may see and do what. Every screen needs a signed-in person; changes to incidents (POSTs under {@code /incidents})
 * and re-driving dead letters need the responder role; deleting an incident, the audit, finding and removing a
 * subscriber and changing components, maintenance or templates need the admin role; a viewer's are refused with 403
 * whatever the form says. Passwords are checked against the
 * local accounts; OpenID Connect sign-in is offered when a client registration is configured. CSRF tokens guard
 * every POST, sign-out included.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String SIGN_IN = "/sign-in";

    @Bean
    SecurityFilterChain consoleSecurity(HttpSecurity http, SignInAttempts attempts,
                                        ObjectProvider<ClientRegistrationRepository> oidcClients,
                                        ConsoleOidcUserService oidcUsers) throws Exception {
        SavedRequestAwareAuthenticationSuccessHandler toWhereTheyWere = new SavedRequestAwareAuthenticationSuccessHandler();
        toWhereTheyWere.setDefaultTargetUrl("/");
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(SIGN_IN, "/console.css", "/console.js", "/favicon.ico", "/error",
                                "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/incidents/*/delete", "/audit", "/audit/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/subscribers/find", "/subscribers/*/remove").hasRole(Role.ADMIN.name())
                        .requestMatchers("/deliveries/redrive").hasRole(Role.RESPONDER.name())
                        .requestMatchers(HttpMethod.POST, "/incidents", "/incidents/**").hasRole(Role.RESPONDER.name())
                        .requestMatchers("/incidents/new", "/incidents/*/postmortem").hasRole(Role.RESPONDER.name())
                        // Components, maintenance and templates: everyone reads, admins change (Role).
                        .requestMatchers("/components/new", "/components/*/edit", "/maintenance/new", "/templates/new", "/templates/*/edit")
                                .hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/components", "/components/**", "/maintenance", "/maintenance/**",
                                "/templates", "/templates/**").hasRole(Role.ADMIN.name())
                        .anyRequest().hasRole(Role.VIEWER.name()))
                .formLogin(form -> form
                        .loginPage(SIGN_IN)
                        .loginProcessingUrl(SIGN_IN)
                        .successHandler((request, response, authentication) -> {
                            attempts.succeeded(authentication.getName());
                            toWhereTheyWere.onAuthenticationSuccess(request, response, authentication);
                        })
                        .failureHandler((request, response, exception) -> {
                            attempts.failed(request.getParameter("username"), request.getRemoteAddr());
                            response.sendRedirect(request.getContextPath() + SIGN_IN + "?error");
                        }))
                .addFilterBefore(new SignInLimitFilter(attempts), UsernamePasswordAuthenticationFilter.class)
                .logout(logout -> logout
                        .logoutUrl("/sign-out")
                        .logoutSuccessUrl(SIGN_IN + "?signed-out")
                        .deleteCookies("JSESSIONID"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; script-src 'self'; style-src 'self'; "
                                + "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        if (oidcClients.getIfAvailable() != null) {
            http.oauth2Login(oidc -> oidc
                    .loginPage(SIGN_IN)
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcUsers))
                    .defaultSuccessUrl("/", false)
                    .failureUrl(SIGN_IN + "?error"));
        }
        return http.build();
    }

    @Bean
    RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(Role.ADMIN.name()).implies(Role.RESPONDER.name())
                .role(Role.RESPONDER.name()).implies(Role.VIEWER.name())
                .build();
    }

    @Bean
    UserDetailsService localAccounts(Accounts accounts) {
        return username -> accounts.find(username.strip())
                .map(ConsoleUser::new)
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }

    @Bean
    SignInAttempts signInAttempts(SignInSettings settings) {
        return new SignInAttempts(settings, Clock.systemUTC());
    }

    @Bean
    ConsoleOidcUserService consoleOidcUserService(SignInSettings settings) {
        return new ConsoleOidcUserService(settings.oidc());
    }

    /** Every session, signed in or not yet, ends after the idle timeout (to the second; the container's own setting counts minutes). */
    @Bean
    HttpSessionListener idleTimeout(SignInSettings settings) {
        int seconds = (int) Math.max(1, settings.idleTimeout().toSeconds());
        return new HttpSessionListener() {
            @Override
            public void sessionCreated(HttpSessionEvent event) {
                event.getSession().setMaxInactiveInterval(seconds);
            }
        };
    }
}
