# syntax=docker/dockerfile:1
# The conferences API (src/Conferences.Api): built with the .NET 10 SDK, run on the ASP.NET Core 10 runtime.
# Build context: the repository root (docker-compose.yml does this; by hand: docker build -f docker/api.Dockerfile .).
# global.json is left out on purpose: it pins the developers' SDK band, and the image's .NET 10 SDK builds the same code.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# the build settings (warnings are errors, analyzers, central package versions) and the project files first, so that
# a change of source code alone reuses the restored packages
COPY .editorconfig Directory.Build.props Directory.Packages.props ./
COPY src/Conferences.Core/Conferences.Core.csproj src/Conferences.Core/
COPY src/Conferences.Infrastructure/Conferences.Infrastructure.csproj src/Conferences.Infrastructure/
COPY src/Conferences.MediaServer/Conferences.MediaServer.csproj src/Conferences.MediaServer/
COPY src/Conferences.Api/Conferences.Api.csproj src/Conferences.Api/
RUN dotnet restore src/Conferences.Api/Conferences.Api.csproj
# Kazoo's JSON schemas are embedded into Conferences.Core
COPY schemas/ schemas/
COPY src/ src/
RUN dotnet publish src/Conferences.Api/Conferences.Api.csproj -c Release --no-restore -o /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
# Outside a container the service listens on 127.0.0.1:8000 only; inside one it must listen on every interface
# (publish the port on the host's loopback, as docker-compose.yml does).
ENV ASPNETCORE_URLS=http://0.0.0.0:8000
EXPOSE 8000
# the image's unprivileged user
USER $APP_UID
ENTRYPOINT ["dotnet", "Conferences.Api.dll"]
