package io.sitrep.console.signin;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;

/** Ends idle sessions whatever open screens fetch by themselves, and puts the password change before every screen for those who must. */
@Configuration(proxyBeanMethods = false)
class SignInWebConfiguration implements WebMvcConfigurer {

    private final SignInSettings settings;

    SignInWebConfiguration(SignInSettings settings) {
        this.settings = settings;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new IdleSessions(settings.idleTimeout(), Clock.systemUTC())).excludePathPatterns("/error");
        registry.addInterceptor(new PasswordChangeFirst()).excludePathPatterns(SecurityConfiguration.SIGN_IN, "/error");
    }
}
