# syntax=docker/dockerfile:1
# The media-server simulator worker (src/Conferences.MediaServer): one simulated Kazoo media-server manager on
# RabbitMQ (docs/amqp.md). It runs on the ASP.NET Core runtime because Conferences.Infrastructure uses that framework.
# Build context: the repository root (docker build -f docker/mediaserver.Dockerfile .). global.json is left out on
# purpose, as in api.Dockerfile.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY .editorconfig Directory.Build.props Directory.Packages.props ./
COPY src/Conferences.Core/Conferences.Core.csproj src/Conferences.Core/
COPY src/Conferences.Infrastructure/Conferences.Infrastructure.csproj src/Conferences.Infrastructure/
COPY src/Conferences.MediaServer/Conferences.MediaServer.csproj src/Conferences.MediaServer/
RUN dotnet restore src/Conferences.MediaServer/Conferences.MediaServer.csproj
COPY schemas/ schemas/
COPY src/Conferences.Core/ src/Conferences.Core/
COPY src/Conferences.Infrastructure/ src/Conferences.Infrastructure/
COPY src/Conferences.MediaServer/ src/Conferences.MediaServer/
RUN dotnet publish src/Conferences.MediaServer/Conferences.MediaServer.csproj -c Release --no-restore -o /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
USER $APP_UID
# SIGTERM (docker stop) reaches the worker itself: it leaves the bus (a last node heartbeat without ecallmgr) and exits 0
ENTRYPOINT ["dotnet", "Conferences.MediaServer.dll"]
