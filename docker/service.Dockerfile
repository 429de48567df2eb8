# One image recipe for the three services: docker build --build-arg SERVICE=incident-service -f docker/service.Dockerfile .
# Build stage: the whole reactor is the context, so the service builds with the modules it depends on.
FROM eclipse-temurin:17-jdk AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -pl "${SERVICE}" -am package -DskipTests \
 && cp "${SERVICE}"/target/"${SERVICE}"-*.jar /app.jar

# Run stage: a JRE, the jar, and an unprivileged user.
FROM eclipse-temurin:17-jre
ARG PORT=8080
RUN groupadd --system --gid 10001 sitrep && useradd --system --uid 10001 --gid sitrep --no-create-home sitrep
WORKDIR /app
COPY --from=build /app.jar /app/app.jar
USER 10001:10001
ENV PORT=${PORT} JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE ${PORT}
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS "http://localhost:${PORT}/actuator/health/readiness" || exit 1
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
