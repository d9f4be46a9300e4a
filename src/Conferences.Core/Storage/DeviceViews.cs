namespace Conferences.Core.Storage;

/// <summary>Kazoo's <c>_design/devices</c> view that dial resolves a user id to its devices with (<c>?DEVICES_VIEW</c> in <c>cb_conferences</c>).</summary>
public static class DeviceViews
{
    /// <summary>One row per user a live device belongs to (<c>owner_id</c> and every <c>hotdesk.users</c>
    /// key).</summary>
    public static readonly ViewDefinition ByOwner = new(
        "devices",
        "listing_by_owner",
        """
        function(doc) {
          if (doc.pvt_type != 'device' || doc.pvt_deleted) return;
          var owners = {};
          if (doc.owner_id) owners[doc.owner_id] = true;
          if (typeof doc.hotdesk == 'object' && typeof doc.hotdesk.users == 'object') {
            var o = (doc.hotdesk || {}).users || {};
            for (var p in o) if (o.hasOwnProperty(p)) owners[p] = true;
          }
          for (var os in owners) {
            if (!owners.hasOwnProperty(os)) continue;
            emit(os, {
              'id': doc._id,
              'name': doc.name,
              'mac_address': doc.mac_address || '',
              'owner_id': doc.owner_id,
              'enabled': doc.enabled,
              'device_type': doc.device_type || 'sip_device',
              'hotdesked': os !== doc.owner_id,
              'call_recording': doc.call_recording
            });
          }
        }
        """,
        MapByOwner);

    private static IEnumerable<KeyValuePair<string, JsonNode?>> MapByOwner(JsonObject doc)
    {
        if (!KazooFields.IsLive(doc, "device"))
        {
            yield break;
        }
        // JavaScript truthiness: a non-empty string owner_id counts
        var ownerId = KazooJson.GetString(doc, "owner_id");
        var owners = new List<string>();
        if (!string.IsNullOrEmpty(ownerId))
        {
            owners.Add(ownerId);
        }
        if ((doc["hotdesk"] as JsonObject)?["users"] is JsonObject users)
        {
            owners.AddRange(users.Select(u => u.Key).Where(u => !owners.Contains(u)));
        }
        foreach (var owner in owners)
        {
            var item = new JsonObject
            {
                ["id"] = doc[KazooFields.Id]?.DeepClone(),
                ["name"] = doc["name"]?.DeepClone(),
                ["mac_address"] = ViewMaps.IsFalsy(doc["mac_address"]) ? "" : doc["mac_address"]!.DeepClone(),
                ["owner_id"] = doc["owner_id"]?.DeepClone(),
                ["enabled"] = doc["enabled"]?.DeepClone(),
                ["device_type"] = ViewMaps.IsFalsy(doc["device_type"]) ? "sip_device" : doc["device_type"]!.DeepClone(),
                ["hotdesked"] = owner != ownerId,
                ["call_recording"] = doc["call_recording"]?.DeepClone(),
            };
            foreach (var absent in item.Where(p => p.Value is null).Select(p => p.Key).ToList())
            {
                item.Remove(absent);
            }
            yield return new(owner, item);
        }
    }
}
