package io.sitrep.console.signin;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the password change before every screen for those who must. */
@Configuration(proxyBeanMethods = false)
class SignInWebConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PasswordChangeFirst()).excludePathPatterns(SecurityConfiguration.SIGN_IN, "/error");
    }
}
