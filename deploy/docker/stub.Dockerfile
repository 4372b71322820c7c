# The stub server alone, for a team's CI (a service container) or its docker-compose: a small JRE image, a non-root
# user, the stub conventions in /stubs (mount your own copy over it), and a health check on the admin stats.
#   docker build -f deploy/docker/stub.Dockerfile -t idv-stubs .
#   docker run -p 8089:8089 -e IDV_ADMIN_TOKEN=change-me idv-stubs
# It listens on every interface of the container, so the admin API needs a token (IDV_ADMIN_TOKEN): the stub refuses
# to start without one. The vendors' paths need none.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY src/ src/
COPY stubs/ stubs/
COPY docs/openapi/idv-stubs.json docs/openapi/
RUN ./mvnw -B -ntp package -DskipTests -Dinvoker.skip=true

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 idv && useradd --system --uid 10001 --gid idv --home-dir /app idv
WORKDIR /app
COPY --from=build /src/target/idv-stubs.jar /app/idv-stubs.jar
COPY --from=build /src/stubs/ /stubs/
COPY --chmod=0755 deploy/docker/stub-health /app/bin/stub-health
USER 10001:10001
VOLUME ["/stubs"]
EXPOSE 8089
HEALTHCHECK --interval=5s --timeout=3s --start-period=15s --retries=3 \
  CMD ["/app/bin/stub-health", "http://127.0.0.1:8089/__admin/idv/stats"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:MaxTenuringThreshold=1", "-jar", "/app/idv-stubs.jar", "--root-dir", "/stubs", \
  "--port", "8089", "--bind-address", "0.0.0.0"]
