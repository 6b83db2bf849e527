import { isEventOfType } from '@registry/domain';
import type { Projection } from '../projection.js';

export const outputReleaseProjection: Projection = {
  name: 'output-releases',
  tables: ['rm_output_releases'],
  handles: ['OutputReleaseRecorded'],
  async apply(sql, event) {
    if (!isEventOfType(event, 'OutputReleaseRecorded')) return;
    const data = event.data;
    await sql.query(
      `INSERT INTO rm_output_releases (id, deliberation_id, data, recorded_at) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING`,
      [data.releaseId, data.deliberation.replace('/', '-'), data, event.metadata.recordedAt],
    );
  },
  async reset(sql) {
    await sql.query('TRUNCATE rm_output_releases');
  },
};
